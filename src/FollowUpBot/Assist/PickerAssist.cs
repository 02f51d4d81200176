using System.Collections.Concurrent;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Progress;
using FollowUpBot.Teams;

namespace FollowUpBot.Assist;

/// <summary>
/// The reply assist on the status picker. The picker is sent at once, pre-filled with the rules' best guess; the model is
/// asked off the turn within its budget, and when a valid suggestion arrives the same picker message is updated (PUT)
/// with the model's status and date pre-filled and marked "suggested by AI". Nothing is stored from the suggestion:
/// only a tap the person makes on the picker stores a report. A picker already answered is left as it is.
/// </summary>
internal sealed partial class PickerAssist(
    ReplyAssistant assistant,
    MeetingLedger ledger,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<PickerAssist> logger)
{
    // Pickers a tap has answered on this instance (bounded): their message is never overwritten by a late suggestion.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _answered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public bool Enabled => assistant.Enabled;

    /// <summary>Starts asking about a reply the rules abstained on; the picker <paramref name="messageId"/> is updated if the model helps.</summary>
    public void Start(TurnContext turn, string? messageId, StatusPickerView view)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(view);
        if (!Enabled || string.IsNullOrEmpty(messageId) || !ReplyAssistant.RulesAbstain(view.Reply)
            || turn.Activity.ServiceUrl is not { } serviceUrl || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }

        var task = Task.Run(() => RunAsync(view, serviceUrl, conversationId, messageId, lifetime.ApplicationStopping));
        _running[task] = true;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>A tap on the picker <paramref name="messageId"/> was handled: a suggestion arriving later must not redraw it.</summary>
    public void Answered(string? messageId)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            return;
        }

        if (_answered.Count > 10_000)
        {
            var cutoff = time.GetUtcNow().AddMinutes(-10);
            foreach (var old in _answered.Where(a => a.Value < cutoff).Select(a => a.Key).ToList())
            {
                _answered.TryRemove(old, out _);
            }
        }

        _answered[messageId] = time.GetUtcNow();
    }

    /// <summary>Waits for the suggestions in flight (for tests and an orderly stop).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Keys);

    private async Task RunAsync(StatusPickerView view, string serviceUrl, string conversationId, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var item = view.Item;
            var candidate = new ReplyCandidate(item.Number ?? 0, item.Task);
            var result = await assistant.SuggestAsync(view.Text, [candidate], ChecklistDelivery.Today(view.Meeting, time), cancellationToken).ConfigureAwait(false);
            if (result.Suggestion is not { } suggestion || _answered.ContainsKey(messageId))
            {
                return;
            }

            // One read of the meeting: if a report changed the item meanwhile (the picker was answered elsewhere), leave it.
            var current = (await ledger.GetMeetingAsync(view.Meeting.Id, cancellationToken).ConfigureAwait(false))?.Document;
            if (current?.FindItem(item.Id) is not { } now || ChecklistCard.VersionOf(now) != ChecklistCard.VersionOf(item))
            {
                return;
            }

            var guided = view.Reply with
            {
                Status = suggestion.Status,
                NewDue = suggestion.NewDue ?? view.Reply.NewDue,
                Cues = [suggestion.Quote],
            };
            var card = StatusPickerCard.Build(view with { Reply = guided, AssistQuote = suggestion.Quote });
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ConnectorClient>()
                .UpdateAsync(serviceUrl, conversationId, messageId, TurnContext.CardActivity(card), cancellationToken).ConfigureAwait(false);
            LogUpdated(logger, view.Meeting.Id, item.Id, suggestion.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the rules' picker stays as sent.
        }
        catch (Exception e)
        {
            // Optional work: the picker from the rules was sent and works, whatever happened here.
            LogFailed(logger, view.Meeting.Id, e);
        }
    }

    [LoggerMessage(EventId = 9040, Level = LogLevel.Information, Message = "AI assist: status picker for {MeetingId}/{ItemId} pre-filled with {Status}.")]
    private static partial void LogUpdated(ILogger logger, string meetingId, string itemId, ReplyStatus status);

    [LoggerMessage(EventId = 9041, Level = LogLevel.Warning, Message = "AI assist: the status picker for meeting {MeetingId} was not updated.")]
    private static partial void LogFailed(ILogger logger, string meetingId, Exception exception);
}
