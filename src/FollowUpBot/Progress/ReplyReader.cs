using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.Progress;

/// <summary>
/// Reads a department contact's reply with <see cref="ReplyParser"/>. A fault in the parser (a rule's bug, a regex engine
/// fault or timeout) must not lose the reply: it is logged and the reply is read as unsure with no item, so the sender
/// gets the "which item?" card and the status picker, with their text kept for the note.
/// </summary>
internal sealed partial class ReplyReader(ILogger<ReplyReader> logger)
{
    private readonly Func<string, ReplyContext, ParsedReply> _parse = ReplyParser.Parse;

    /// <summary>A reader over another parser: tests give it one that fails.</summary>
    internal ReplyReader(ILogger<ReplyReader> logger, Func<string, ReplyContext, ParsedReply> parse)
        : this(logger) => _parse = parse;

    public ParsedReply Read(string text, ReplyContext context)
    {
        try
        {
            return _parse(text, context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogParserFailed(logger, text.Length, e);
            return ParsedReply.Unread(text);
        }
    }

    // The reply's text is not logged: it is the sender's words, not the bot's.
    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "The reply parser failed on a reply of {Length} characters; the sender is asked to choose the item and status.")]
    private static partial void LogParserFailed(ILogger logger, int length, Exception exception);
}

/// <summary>
/// Compiles the reply parser's patterns on the thread pool when the bot starts, so that the first reply after a start
/// is read in milliseconds and not given the picker for a timeout spent compiling (<see cref="ReplyParser.Warm"/>). It
/// holds nothing of the host's (no logger, no token): a host that fails to start or stops at once leaves it nothing to
/// touch after disposal.
/// </summary>
internal sealed class ReplyParserWarmup : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(Warm, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Warm()
    {
        try
        {
            ReplyParser.Warm();
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A second timeout on a machine this busy: the first reply reads the patterns again (ReplyParser.Parse).
        }
    }
}
