using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Progress;

/// <summary>
/// Applies stored progress records to <c>meeting.json</c> off the request path, on every instance: takes queued
/// messages, groups them by meeting, and for each meeting takes its lease (<c>locks/meetings/{id}</c>, so one writer
/// per meeting at a time), applies every record of the messages in one conditional write (the ledger then brings the
/// indexes in line), releases the lease, and asks for the checklist cards to be updated. A meeting whose lease another
/// instance holds is handed back for a moment; a failure hands the messages back, and after a few tries leaves the
/// records to the reconciler (they stay stored, their meeting stays in the change journal).
/// </summary>
internal sealed partial class Projector(
    IProjectionQueue queue,
    MeetingLedger ledger,
    IBlobStore store,
    PendingReports pending,
    CardRefreshes cards,
    TimeProvider time,
    ILogger<Projector> logger) : BackgroundService
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(1);
    private const int MaxTries = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(32, stoppingToken).ConfigureAwait(false);
                await Task.WhenAll(batch.GroupBy(m => m.Message.MeetingId, StringComparer.Ordinal)
                    .Select(g => ProjectAsync(g.Key, [.. g], stoppingToken))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The queue could not be read (storage unreachable): try again shortly; the messages stay queued.
                LogReceiveFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProjectAsync(string meetingId, List<ReceivedProjection> messages, CancellationToken cancellationToken)
    {
        var lockName = BlobNames.MeetingLock(meetingId);
        string? lease;
        try
        {
            lease = await store.TryAcquireLeaseAsync(lockName, LeaseFor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogProjectionFailed(logger, meetingId, e);
            await HandBackAsync(messages, Busy, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (lease is null)
        {
            await HandBackAsync(messages, Busy, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var records = await RecordsOfAsync(messages, cancellationToken).ConfigureAwait(false);
            var result = await ledger.ApplyStoredAsync(meetingId, records, cancellationToken).ConfigureAwait(false);
            pending.Forget(meetingId, records.Select(r => r.Name));
            if (result.Applied > 0)
            {
                var items = records.Select(r => r.Record.ItemId).ToHashSet(StringComparer.Ordinal);
                cards.Request(meetingId, result.Meeting.Document.Items.Where(i => items.Contains(i.Id)).SelectMany(i => i.Departments.Select(d => d.Department)));
                LogProjected(logger, meetingId, result.Applied, messages.Count);
            }

            foreach (var message in messages)
            {
                await queue.CompleteAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogProjectionFailed(logger, meetingId, e);
            var retry = messages.Where(m => m.DequeueCount < MaxTries).ToList();
            foreach (var given in messages.Except(retry))
            {
                LogGaveUp(logger, meetingId, given.Message.Records.Count);
                await queue.CompleteAsync(given, CancellationToken.None).ConfigureAwait(false);
            }

            await HandBackAsync(retry, Busy, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await store.ReleaseLeaseAsync(lockName, lease, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // It expires by itself within LeaseFor.
                LogReleaseFailed(logger, meetingId, e);
            }
        }
    }

    /// <summary>The records the messages carry; one carried by name only is read (and skipped when it is not there).</summary>
    private async Task<List<StoredProgress>> RecordsOfAsync(List<ReceivedProjection> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var records = new List<StoredProgress>();
        foreach (var message in messages)
        {
            var age = now - message.Message.EnqueuedAt;
            foreach (var entry in message.Message.Records)
            {
                var record = entry.Record;
                var storedAt = entry.StoredAt;
                if (record is null)
                {
                    var read = await store.GetDocumentAsync(entry.Name, LedgerJsonContext.Default.ProgressRecord, cancellationToken).ConfigureAwait(false);
                    if (read is null)
                    {
                        continue;
                    }

                    (record, storedAt) = (read.Document, read.LastModified);
                }

                records.Add(new StoredProgress(entry.Name, record, entry.StoredAt is not null, storedAt, age < TimeSpan.Zero ? TimeSpan.Zero : age));
            }
        }

        return records;
    }

    private async Task HandBackAsync(IEnumerable<ReceivedProjection> messages, TimeSpan delay, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            try
            {
                await queue.RetryLaterAsync(message, delay, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left invisible, it comes back by itself when its visibility runs out.
                LogReleaseFailed(logger, message.Message.MeetingId, e);
            }
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Projected {Applied} progress records onto meeting {MeetingId} from {Messages} queue messages")]
    private static partial void LogProjected(ILogger logger, string meetingId, int applied, int messages);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Projecting meeting {MeetingId} failed; its messages are handed back")]
    private static partial void LogProjectionFailed(ILogger logger, string meetingId, Exception exception);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Gave up projecting {Count} records of meeting {MeetingId} from the queue; they stay stored and the reconciler applies them")]
    private static partial void LogGaveUp(ILogger logger, string meetingId, int count);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Reading the projection queue failed; trying again")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Debug, Message = "Releasing the projection lease or handing back a message of meeting {MeetingId} failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string meetingId, Exception exception);
}
