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
            return Unread(text);
        }
    }

    /// <summary>What nothing was read from: no status, no item (so the sender chooses), the whole text as the note.</summary>
    internal static ParsedReply Unread(string text) => new(null, null, null, null, null, text.Trim()) { Ambiguous = true };

    // The reply's text is not logged: it is the sender's words, not the bot's.
    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "The reply parser failed on a reply of {Length} characters; the sender is asked to choose the item and status.")]
    private static partial void LogParserFailed(ILogger logger, int length, Exception exception);
}

/// <summary>
/// Compiles the reply parser's patterns in the background when the bot starts, so that the first reply after a start
/// is read in milliseconds and not given the picker for a timeout spent compiling (<see cref="ReplyParser.Warm"/>).
/// </summary>
internal sealed partial class ReplyParserWarmup(ILogger<ReplyParserWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            try
            {
                ReplyParser.Warm();
                LogWarmed(logger);
            }
            catch (Exception e)
            {
                LogWarmFailed(logger, e);
            }
        },
        stoppingToken);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Debug, Message = "The reply parser's patterns are compiled.")]
    private static partial void LogWarmed(ILogger logger);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Warming the reply parser failed; the first replies may be slower.")]
    private static partial void LogWarmFailed(ILogger logger, Exception exception);
}
