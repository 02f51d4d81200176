using FollowUpBot.Localization;

namespace FollowUpBot.Teams;

/// <summary>
/// Dispatches an authenticated activity: every activity refreshes the conversation reference; messages go
/// to the message handlers (or, with a card's <c>value</c>, to the card action of its verb); invokes are
/// always answered; conversation events go to their handlers; anything else is acknowledged and ignored.
/// </summary>
/// <remarks>
/// The handlers are resolved from the request's scope when an activity of their kind arrives: a card action builds the
/// card action handlers (and what they depend on), not also every message and conversation handler.
/// </remarks>
internal sealed partial class ActivityRouter(
    ConversationReferenceStore references,
    ConnectorClient connector,
    IServiceProvider services,
    ILogger<ActivityRouter> logger)
{
    private ICardActionHandler[]? _cardActions;

    private IEnumerable<IMessageHandler> MessageHandlers => services.GetServices<IMessageHandler>().OrderBy(h => h.Order);

    private ICardActionHandler[] CardActions => _cardActions ??= [.. services.GetServices<ICardActionHandler>()];

    public const string InvokeAdaptiveCardAction = "adaptiveCard/action";

    /// <summary>Handles the activity; for an invoke, returns the body of the HTTP 200 answer.</summary>
    public async Task<InvokeResponse?> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        await references.SaveAsync(activity, cancellationToken).ConfigureAwait(false);
        var turn = new TurnContext(activity, connector);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.Invoke:
                return await OnInvokeAsync(turn, cancellationToken).ConfigureAwait(false);
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                foreach (var handler in services.GetServices<IConversationEventHandler>())
                {
                    await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
                }

                return null;
            default:
                LogIgnored(logger, activity.Type);
                return null;
        }
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.ReadCardAction() is { } submit)
        {
            if (FindCardAction(submit.Verb) is { } submitHandler)
            {
                await submitHandler.HandleAsync(turn, submit, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await turn.ReplyTextAsync(Texts.Get(turn.Locale, "error.unknownAction"), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        foreach (var handler in MessageHandlers)
        {
            if (await handler.TryHandleAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<InvokeResponse> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!string.Equals(turn.Activity.Name, InvokeAdaptiveCardAction, StringComparison.OrdinalIgnoreCase))
        {
            LogIgnoredInvoke(logger, turn.Activity.Name);
            return InvokeResponse.Error(501, "NotSupported", $"The invoke '{turn.Activity.Name}' is not supported by this bot.");
        }

        var action = turn.ReadCardAction();
        if (action is null)
        {
            return InvokeResponse.Error(400, "BadRequest", "The adaptiveCard/action invoke has no Action.Execute with a verb.");
        }

        return FindCardAction(action.Verb) is { } handler
            ? await handler.HandleAsync(turn, action, cancellationToken).ConfigureAwait(false)
            : InvokeResponse.Error(400, "UnknownVerb", Texts.Get(turn.Locale, "error.unknownAction"));
    }

    /// <summary>The handler of a verb: an exact match first, then a handler of a whole family ("draft.*").</summary>
    private ICardActionHandler? FindCardAction(string verb) =>
        Array.Find(CardActions, h => string.Equals(h.Verb, verb, StringComparison.OrdinalIgnoreCase))
        ?? Array.Find(CardActions, h => h.Verb.EndsWith(".*", StringComparison.Ordinal) && verb.StartsWith(h.Verb[..^1], StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Ignored an activity of type {Type}.")]
    private static partial void LogIgnored(ILogger logger, string? type);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Answered an unsupported invoke {Name} with 501.")]
    private static partial void LogIgnoredInvoke(ILogger logger, string? name);
}
