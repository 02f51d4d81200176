using System.Collections.Concurrent;
using FollowUpBot.Departments;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Teams;

namespace FollowUpBot.Assist;

/// <summary>
/// The extraction assist on the organiser's review card. The import answers at once with the rules' draft (saying that
/// AI suggestions are coming); the model is asked off the turn, within its budget, and the same card message is then
/// updated (PUT) with the suggestions merged into the draft, marked "suggested by AI" — or with a line saying the draft
/// is the rules' alone. Nothing here can delay or fail the import.
/// </summary>
internal sealed partial class ReviewAssist(
    ExtractionAssistant assistant,
    MeetingLedger ledger,
    DirectoryStore directory,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    ILogger<ReviewAssist> logger)
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public bool Enabled => assistant.Enabled;

    /// <summary>The banner of the first review card: what the organiser should expect while the model is asked.</summary>
    public string? PendingBanner(UiLocale locale) => Enabled ? Texts.Get(locale, "assist.pending") : null;

    /// <summary>Starts asking about a just-imported draft; the card <paramref name="messageId"/> is updated when done.</summary>
    public void Start(MeetingDocument meeting, TurnContext turn, string? messageId)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(turn);
        if (!Enabled || string.IsNullOrEmpty(messageId) || turn.Activity.ServiceUrl is not { } serviceUrl || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        var target = new CardTarget(serviceUrl, conversationId, messageId, turn.Locale);
        var task = Task.Run(() => RunAsync(meeting, target, lifetime.ApplicationStopping));
        _running[task] = true;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for the suggestions in flight (for tests and an orderly stop).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    private async Task RunAsync(MeetingDocument meeting, CardTarget target, CancellationToken cancellationToken)
    {
        try
        {
            var text = await ledger.GetSourceTextAsync(meeting.Id, cancellationToken).ConfigureAwait(false) ?? string.Empty;
            var departments = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
            var spans = meeting.Items.Where(i => i.SourceStart is not null).Select(i => new AssistSpan(i.SourceStart!.Value, i.SourceLength ?? 0, i.Lead.Count > 0)).ToList();
            var result = await assistant.SuggestAsync(text, spans, departments, meeting.MeetingDate ?? DateOnly.FromDateTime(meeting.CreatedAt.UtcDateTime), cancellationToken).ConfigureAwait(false);
            var applied = 0;
            var current = meeting;
            if (result.Suggestions.Count > 0)
            {
                current = (await ledger.UpdateMeetingAsync(meeting.Id, m =>
                {
                    var (changed, count) = AssistDraft.Apply(m, result.Suggestions);
                    applied = count;
                    return count == 0 ? m : changed;
                }, cancellationToken).ConfigureAwait(false)).Document;
            }
            else
            {
                current = (await ledger.GetMeetingAsync(meeting.Id, cancellationToken).ConfigureAwait(false))?.Document ?? meeting;
            }

            if (current.State != MeetingState.Draft)
            {
                return;
            }

            var banner = applied > 0
                ? Texts.Format(target.Locale, "assist.suggested", applied)
                : Texts.Get(target.Locale, result.Outcome is AssistOutcome.Answered or AssistOutcome.Skipped ? "assist.none" : "assist.unavailable");
            await using var scope = scopes.CreateAsyncScope();
            var card = await scope.ServiceProvider.GetRequiredService<ReviewCardFactory>().BuildAsync(current, target.Locale, banner: banner, cancellationToken: cancellationToken).ConfigureAwait(false);
            await scope.ServiceProvider.GetRequiredService<ConnectorClient>()
                .UpdateAsync(target.ServiceUrl, target.ConversationId, target.MessageId, TurnContext.CardActivity(card), cancellationToken).ConfigureAwait(false);
            LogUpdated(logger, meeting.Id, applied);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the draft from the rules is stored; the suggestions are simply not made.
        }
        catch (Exception e)
        {
            // Optional work: the rules' draft is stored and shown, whatever happened here.
            LogFailed(logger, meeting.Id, e);
        }
    }

    private sealed record CardTarget(string ServiceUrl, string ConversationId, string MessageId, UiLocale Locale);

    [LoggerMessage(EventId = 9030, Level = LogLevel.Information, Message = "AI assist: review card of meeting {MeetingId} updated with {Applied} suggestion(s).")]
    private static partial void LogUpdated(ILogger logger, string meetingId, int applied);

    [LoggerMessage(EventId = 9031, Level = LogLevel.Warning, Message = "AI assist: suggestions for meeting {MeetingId} were not shown.")]
    private static partial void LogFailed(ILogger logger, string meetingId, Exception exception);
}
