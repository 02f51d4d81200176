using FollowUpBot.Teams;

namespace FollowUpBot.Help;

internal static class HelpFeature
{
    /// <summary>Help: the command, and the answer to any message no other feature takes.</summary>
    public static IHostApplicationBuilder AddHelp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMessageHandler, HelpCommand>();
        builder.Services.AddSingleton<IMessageHandler, HelpFallback>();
        return builder;
    }
}

/// <summary><c>help</c> / <c>帮助</c>: the help card in the sender's language.</summary>
internal sealed class HelpCommand : IMessageHandler
{
    public int Order => 100;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!HelpCard.IsHelpCommand(turn.Text))
        {
            return false;
        }

        await turn.ReplyCardAsync(HelpCard.Build(turn.Locale), cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>The last resort of DESIGN.md's routing: a message nobody took gets the help card.</summary>
internal sealed class HelpFallback : IMessageHandler
{
    public int Order => int.MaxValue;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await turn.ReplyCardAsync(HelpCard.Build(turn.Locale), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
