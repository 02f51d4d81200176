using FollowUpBot.Cards;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Reminders;

/// <summary>
/// Builds a <see cref="ProactiveMessenger"/> on a connector client without the client's own retries, so that a
/// 429 comes back to the sender at once and the pacer and the queue decide when to try again. The typed
/// HttpClient behind it comes from the factory per call; nothing holds it.
/// </summary>
internal sealed class ReminderMessengers(
    IHttpClientFactory httpClients,
    IBotTokenProvider tokens,
    IOptionsMonitor<BotOptions> botOptions,
    ConversationReferenceStore references,
    RosterRefreshTimes rosterTimes,
    TimeProvider timeProvider,
    ILoggerFactory loggers)
{
    public const string HttpClientName = "bot-connector-reminders";

    public ProactiveMessenger Create()
    {
        var connector = new ConnectorClient(httpClients.CreateClient(HttpClientName), tokens, botOptions);
        var rosters = new RosterService(references, connector, rosterTimes, timeProvider, loggers.CreateLogger<RosterService>());
        return new ProactiveMessenger(references, rosters, connector);
    }
}

/// <summary>
/// Drains the reminder queue on every instance: for each claimed slot it re-reads the items (dropping what was
/// done since the slot was planned; an empty digest is not sent), builds the card in the recipient's language,
/// waits for the pacer, sends, and marks the slot sent (If-Match on the claim). Throttling and transport faults
/// go back to the queue with a delay; a recipient Teams will not let the bot reach is recorded on the marker
/// and on the items, where the organiser's escalation shows it.
/// </summary>
internal sealed partial class ReminderSender(
    IReminderQueue queue,
    IBlobStore store,
    MeetingLedger ledger,
    DirectoryStore directory,
    ConversationReferenceStore references,
    ReminderMessengers messengers,
    ReminderPacer pacer,
    FollowUpBot.Progress.LastAskedItems lastAsked,
    WorkingCalendar calendar,
    IOptions<RemindersOptions> options,
    IOptions<FollowUpOptions> followUp,
    TimeProvider timeProvider,
    ILogger<ReminderSender> logger) : BackgroundService
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a recipient's language and chat, read from their reference, are reused (the messenger reads the reference itself for the send).</summary>
    private static readonly TimeSpan ReferenceReuse = TimeSpan.FromMinutes(5);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ConversationReferenceDocument? Reference, DateTimeOffset ReadAt)> _references = new(StringComparer.Ordinal);
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var concurrency = options.Value.SendConcurrency;
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                taken = 1;
                while (slots.Wait(0, CancellationToken.None))
                {
                    taken++;
                }

                var batch = await queue.ReceiveAsync(taken, stoppingToken).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted);
                foreach (var received in batch)
                {
                    taken--;
                    running.Add(RunOneAsync(received, slots, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The queue is unreachable: wait and try again; the host must not stop.
                LogReceiveFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(2), timeProvider, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                if (taken > 0)
                {
                    slots.Release(taken);
                }
            }
        }

        // Stopping: sends already under way finish (a cancelled HTTP call may have been delivered and would be sent again).
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunOneAsync(ReceivedSend received, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await ProcessAsync(received, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await GiveBackAsync(received).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogSendFailed(e, received.Send.MarkerName);
            await RetryLaterAsync(received, received.Send, Backoff(received.Send.Attempt)).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>One queue message, start to end. Internal so tests can drive a send without the loop.</summary>
    internal async Task ProcessAsync(ReceivedSend received, CancellationToken stoppingToken)
    {
        var send = received.Send;
        var now = timeProvider.GetUtcNow();
        var (locale, hasChat) = send.Locale is not null && send.HasChat is { } chat
            ? (UiLocales.FromTag(send.Locale), chat)
            : await ReadPersonAsync(send, stoppingToken).ConfigureAwait(false);
        var content = await BuildAsync(send, locale, stoppingToken).ConfigureAwait(false);
        if (content is null)
        {
            // Everything it listed was done or closed since the slot was planned.
            var marker = await CurrentClaimAsync(send, now, stoppingToken).ConfigureAwait(false);
            if (marker is not null)
            {
                try
                {
                    await store.PutDocumentAsync(send.MarkerName, marker.Document with { State = ReminderMarkerState.Sent, SentAt = now, Items = [] },
                        LedgerJsonContext.Default.ReminderMarker, BlobCondition.Match(marker.ETag), CancellationToken.None).ConfigureAwait(false);
                    LogEmpty(send.MarkerName);
                }
                catch (BlobConflictException)
                {
                    LogStale(send.MarkerName);
                }
            }

            await queue.CompleteAsync(received, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Hold the claim for this attempt: a second copy of this message, or a take-over, now loses its If-Match.
        // Tried first on the ETag the message carries (no read); only when that fails is the marker read.
        var claim = await HoldAsync(send, send.ClaimETag, CancellationToken.None).ConfigureAwait(false);
        if (claim is null && await CurrentClaimAsync(send, timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false) is { } current)
        {
            claim = await HoldAsync(send, current.ETag, CancellationToken.None).ConfigureAwait(false);
        }

        if (claim is null)
        {
            LogStale(send.MarkerName);
            await queue.CompleteAsync(received, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        // Per-conversation limits and a throttled tenant here; the tenant's send budget in SendBudgetHandler, at each call.
        // A 1:1 chat not opened yet costs a create-conversation call before the send.
        try
        {
            await pacer.WaitAsync(send.TenantId, send.TenantId + "/" + send.RecipientAadId, hasChat ? 1 : 2, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping while waiting for a turn: the message goes back under the claim just written.
            await RetryLaterAsync(received, send with { ClaimETag = claim.ETag, Attempt = send.Attempt - 1 }, TimeSpan.Zero).ConfigureAwait(false);
            return;
        }

        // From here on the host's stop does not cancel: a send cut off after Teams took it would go out twice.
        using var timeout = new CancellationTokenSource(SendTimeout, timeProvider);
        var activity = TurnContext.CardActivity(content.Card) with { Summary = content.Card.FallbackText };
        ProactiveDelivery delivery;
        SendBudgetHandler.For(send.TenantId);
        try
        {
            delivery = await messengers.Create().SendToUserAsync(send.TenantId, send.RecipientAadId, activity, timeout.Token).ConfigureAwait(false);
        }
        catch (RecipientUnreachableException e)
        {
            pacer.Record(send.TenantId, throttled: false);
            await RecordUnreachableAsync(received, claim, content, e.Reason.ToString()).ConfigureAwait(false);
            return;
        }
        catch (ConnectorException e) when (e.IsTransient)
        {
            pacer.Record(send.TenantId, throttled: e.Kind == ConnectorErrorKind.Throttled, e.RetryAfter);
            var wait = e.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : Backoff(send.Attempt);
            LogRetry(send.MarkerName, (int)e.StatusCode, wait.TotalSeconds);
            await RetryLaterAsync(received, send with { ClaimETag = claim.ETag }, wait).ConfigureAwait(false);
            return;
        }
        catch (ConnectorException e) when (send.Attempt + 1 >= options.Value.MaxSendAttempts)
        {
            // Refused for another reason (bad request, too large, service error) time after time: nobody is skipped silently.
            pacer.Record(send.TenantId, throttled: false);
            LogGaveUp(e, send.MarkerName, send.Attempt + 1);
            await RecordUnreachableAsync(received, claim, content, "Failed").ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            // Transport faults, timeouts, other refusals: later, under this attempt's claim.
            LogSendFailed(e, send.MarkerName);
            await RetryLaterAsync(received, send with { ClaimETag = claim.ETag }, Backoff(send.Attempt)).ConfigureAwait(false);
            return;
        }

        pacer.Record(send.TenantId, throttled: false);
        await MarkSentAsync(claim with { Document = claim.Document with { Items = content.Items } }, delivery.ActivityId).ConfigureAwait(false);
        LogSent(send.MarkerName, content.Items.Count, send.Attempt + 1);
        await queue.CompleteAsync(received, CancellationToken.None).ConfigureAwait(false);
        // A reminder about one item makes that item the default of a reply that names none.
        await lastAsked.RecordAsync(send.TenantId, delivery.ConversationId, content.Items, CancellationToken.None).ConfigureAwait(false);
        if (content.Lines.Any(l => l.Item.FindDepartment(l.Department)?.Unreachable?.Any(c => c.AadObjectId == send.RecipientAadId) == true))
        {
            await ClearUnreachableAsync(send, content.Items, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The marker write after a delivery: retried in place, because a claim left unsent would be sent again after ten minutes.</summary>
    private async Task MarkSentAsync(StoredDocument<ReminderMarker> claim, string? messageId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.MarkSentAsync(claim, messageId, timeProvider, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (BlobConflictException e)
            {
                LogMarkLost(e, claim.Name);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), timeProvider, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes this attempt's claim If-Match <paramref name="etag"/>; null when the marker moved on.</summary>
    private async Task<StoredDocument<ReminderMarker>?> HoldAsync(ReminderSend send, string etag, CancellationToken cancellationToken)
    {
        var claim = new ReminderMarker
        {
            TenantId = send.TenantId,
            RecipientAadId = send.RecipientAadId,
            SlotKey = send.SlotKey,
            State = ReminderMarkerState.Claimed,
            ClaimedAt = timeProvider.GetUtcNow(),
            ClaimedBy = _instance,
            Items = [.. send.Items.Select(i => new ItemReference(i.MeetingId, i.ItemId))],
        };
        try
        {
            return await store.PutDocumentAsync(send.MarkerName, claim, LedgerJsonContext.Default.ReminderMarker, BlobCondition.Match(etag), cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException)
        {
            return null;
        }
    }

    /// <summary>
    /// The marker when this message may still act on it: claimed, and either by this message's claim or by one
    /// abandoned for longer than the take-over time. Null when it was sent, reported, or another claim owns it.
    /// </summary>
    private async Task<StoredDocument<ReminderMarker>?> CurrentClaimAsync(ReminderSend send, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = await store.GetDocumentAsync(send.MarkerName, LedgerJsonContext.Default.ReminderMarker, cancellationToken).ConfigureAwait(false);
        return marker is null || marker.Document.State != ReminderMarkerState.Claimed
            || (marker.ETag != send.ClaimETag && now - marker.Document.ClaimedAt < ReminderMarkers.ClaimTimeout)
            ? null
            : marker;
    }

    private async Task<(UiLocale Locale, bool HasChat)> ReadPersonAsync(ReminderSend send, CancellationToken cancellationToken)
    {
        var reference = await TryGetReferenceAsync(send, cancellationToken).ConfigureAwait(false);
        return (UiLocales.FromTag(reference?.Locale), reference?.ConversationId is not null);
    }

    private async Task<ConversationReferenceDocument?> TryGetReferenceAsync(ReminderSend send, CancellationToken cancellationToken)
    {
        var key = send.TenantId + "/" + send.RecipientAadId;
        var now = timeProvider.GetUtcNow();
        if (_references.TryGetValue(key, out var known) && now - known.ReadAt < ReferenceReuse)
        {
            return known.Reference;
        }

        ConversationReferenceDocument? reference;
        try
        {
            reference = await references.GetAsync(send.TenantId, send.RecipientAadId, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            reference = null;
        }

        if (_references.Count > 50_000)
        {
            _references.Clear();
        }

        _references[key] = (reference, now);
        return reference;
    }

    private sealed record Content(AdaptiveCard Card, IReadOnlyList<ItemReference> Items, IReadOnlyList<DigestLine> Lines);

    /// <summary>The card from the items as they are now; null when nothing is left to say.</summary>
    private async Task<Content?> BuildAsync(ReminderSend send, UiLocale locale, CancellationToken cancellationToken)
    {
        var meetings = new Dictionary<string, MeetingDocument>(StringComparer.Ordinal);
        foreach (var id in send.MeetingIds.Concat(send.Items.Select(i => i.MeetingId)).Distinct(StringComparer.Ordinal))
        {
            if (await ledger.GetMeetingAsync(id, cancellationToken).ConfigureAwait(false) is { Document.State: MeetingState.Published } meeting)
            {
                meetings[id] = meeting.Document;
            }
        }

        var zone = ReminderTime.FindZone(send.TimeZone) ?? TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(ReminderTime.ToLocal(timeProvider.GetUtcNow(), zone));
        if (send.Kind is ReminderKind.Cron or ReminderKind.Due)
        {
            var lines = new List<DigestLine>();
            foreach (var item in send.Items)
            {
                if (item.Department is { } department && meetings.TryGetValue(item.MeetingId, out var meeting)
                    && meeting.FindItem(item.ItemId) is { } current && ReminderPlanner.IsOpenFor(current, department))
                {
                    lines.Add(new DigestLine(meeting, current, department));
                }
            }

            return lines.Count == 0
                ? null
                : new Content(ReminderCard.BuildDigest(new DigestView(send.Kind, send.SlotKey, locale, today, lines)), [.. lines.Select(l => new ItemReference(l.Meeting.Id, l.Item.Id))], lines);
        }

        var defaults = options.Value.Defaults(followUp.Value.TimeZone);
        var escalated = new List<EscalatedLine>();
        var unreachable = new List<UnreachableLine>();
        var withoutContacts = new SortedSet<string>(StringComparer.Ordinal);
        var known = (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments
            .Where(d => d.Contacts.Count > 0).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var meeting in send.MeetingIds.Where(meetings.ContainsKey).Select(id => meetings[id]))
        {
            var policy = ResolvedPolicy.Resolve(meeting.Reminders, defaults);
            foreach (var item in meeting.Items.Where(i => i.Status != ProgressStatus.Closed))
            {
                if (send.Kind == ReminderKind.Escalation && ReminderPlanner.IsEscalated(item, policy.EscalateAfterDays, today, calendar))
                {
                    var last = item.Departments.Select(d => d.At).Where(a => a is not null).Max();
                    var since = DateOnly.FromDateTime(ReminderTime.ToLocal(last ?? meeting.PublishedAt ?? meeting.CreatedAt, zone));
                    escalated.Add(new EscalatedLine(meeting, item, ReminderTime.OverdueWorkingDays(calendar, item.CurrentDue!.Value, today), today.DayNumber - since.DayNumber, last is not null));
                }

                foreach (var department in item.Departments)
                {
                    unreachable.AddRange((department.Unreachable ?? []).Select(c => new UnreachableLine(meeting.Title, item.Number, department.Department, c)));
                    if (ReminderPlanner.IsOpenFor(item, department.Department) && !known.Contains(department.Department))
                    {
                        withoutContacts.Add(department.Department);
                    }
                }
            }
        }

        if (escalated.Count == 0 && unreachable.Count == 0)
        {
            return null;
        }

        var card = ReminderCard.BuildEscalation(new EscalationView(send.Kind, send.SlotKey, locale, escalated, unreachable, [.. withoutContacts]));
        return new Content(card, [.. escalated.Select(l => new ItemReference(l.Meeting.Id, l.Item.Id))], []);
    }

    private async Task RecordUnreachableAsync(ReceivedSend received, StoredDocument<ReminderMarker> claim, Content content, string reason)
    {
        var send = received.Send;
        var now = timeProvider.GetUtcNow();
        LogUnreachable(send.MarkerName, reason);
        try
        {
            await store.PutDocumentAsync(send.MarkerName, claim.Document with { State = ReminderMarkerState.Unreachable, Failure = reason, Items = content.Items },
                LedgerJsonContext.Default.ReminderMarker, BlobCondition.Match(claim.ETag), CancellationToken.None).ConfigureAwait(false);
        }
        catch (BlobConflictException e)
        {
            LogMarkLost(e, send.MarkerName);
        }

        // On the items, so the organiser's escalation lists the contact (an organiser's own failure is only logged).
        foreach (var group in content.Lines.GroupBy(l => l.Meeting.Id, StringComparer.Ordinal))
        {
            var lines = group.ToList();
            await ledger.UpdateMeetingAsync(group.Key, meeting => meeting with
            {
                Items = [.. meeting.Items.Select(item => !lines.Exists(l => l.Item.Id == item.Id) ? item : item with
                {
                    Departments = [.. item.Departments.Select(d =>
                        !lines.Exists(l => l.Item.Id == item.Id && l.Department == d.Department) || (d.Unreachable ?? []).Any(c => c.AadObjectId == send.RecipientAadId)
                            ? d
                            : d with { Unreachable = [.. d.Unreachable ?? [], new UnreachableContact { AadObjectId = send.RecipientAadId, Name = send.RecipientName, Reason = reason, At = now }] })],
                })],
            }, CancellationToken.None).ConfigureAwait(false);
        }

        await queue.CompleteAsync(received, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>A contact who was unreachable and now received a reminder is no longer reported.</summary>
    private async Task ClearUnreachableAsync(ReminderSend send, IReadOnlyList<ItemReference> items, CancellationToken cancellationToken)
    {
        foreach (var meetingId in items.Select(i => i.MeetingId).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await ledger.UpdateMeetingAsync(meetingId, meeting => meeting.Items.Any(i => i.Departments.Any(d => d.Unreachable?.Any(c => c.AadObjectId == send.RecipientAadId) == true))
                    ? meeting with
                    {
                        Items = [.. meeting.Items.Select(i => i with
                        {
                            Departments = [.. i.Departments.Select(d => d.Unreachable?.Any(c => c.AadObjectId == send.RecipientAadId) == true
                                ? d with { Unreachable = d.Unreachable.Where(c => c.AadObjectId != send.RecipientAadId).ToList() is { Count: > 0 } rest ? rest : null }
                                : d)],
                        })],
                    }
                    : meeting, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is LedgerException or IOException)
            {
                LogClearFailed(e, meetingId);
            }
        }
    }

    private async Task RetryLaterAsync(ReceivedSend received, ReminderSend next, TimeSpan delay)
    {
        try
        {
            await queue.EnqueueAsync(next with { Attempt = next.Attempt + 1 }, delay, CancellationToken.None).ConfigureAwait(false);
            await queue.CompleteAsync(received, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The queue itself failed: an Azure message comes back after its visibility timeout; the claim's take-over covers the rest.
            LogRequeueFailed(e, next.MarkerName);
        }
    }

    private async Task GiveBackAsync(ReceivedSend received)
    {
        try
        {
            await queue.AbandonAsync(received, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogRequeueFailed(e, received.Send.MarkerName);
        }
    }

    /// <summary>2, 4, 8 … seconds, at most ten minutes, with a little jitter.</summary>
    private static TimeSpan Backoff(int attempt)
    {
#pragma warning disable CA5394 // Jitter, not security.
        var seconds = Math.Min(600, Math.Pow(2, Math.Min(attempt + 1, 10))) * (0.8 + 0.4 * Random.Shared.NextDouble());
#pragma warning restore CA5394
        return TimeSpan.FromSeconds(seconds);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Reminder {Marker} sent with {Items} items (attempt {Attempt})")]
    private partial void LogSent(string marker, int items, int attempt);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Reminder {Marker} is handled elsewhere; message dropped")]
    private partial void LogStale(string marker);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Reminder {Marker} had nothing left to remind of; not sent")]
    private partial void LogEmpty(string marker);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug, Message = "Reminder {Marker} refused with {Status}; trying again in {Seconds:F1} s")]
    private partial void LogRetry(string marker, int status, double seconds);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Reminder {Marker} could not be delivered: {Reason}; recorded for the organiser")]
    private partial void LogUnreachable(string marker, string reason);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Sending reminder {Marker} failed; it goes back to the queue")]
    private partial void LogSendFailed(Exception exception, string marker);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Error, Message = "Reminder {Marker} was refused {Attempts} times; reported as failed")]
    private partial void LogGaveUp(Exception exception, string marker, int attempts);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Warning, Message = "Reminder {Marker}: the claim changed under the send (taken over)")]
    private partial void LogMarkLost(Exception exception, string marker);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Warning, Message = "Receiving reminders from the queue failed; trying again")]
    private partial void LogReceiveFailed(Exception exception);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Error, Message = "Reminder {Marker} could not be queued again; its claim is taken over after ten minutes")]
    private partial void LogRequeueFailed(Exception exception, string marker);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "Could not clear a reachable contact's failure in meeting {MeetingId}")]
    private partial void LogClearFailed(Exception exception, string meetingId);
}
