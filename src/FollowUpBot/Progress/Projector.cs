using System.Collections.Concurrent;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Progress;

/// <summary>
/// Applies stored progress records to <c>meeting.json</c> off the request path. Each instance runs one worker per
/// meeting with work: it holds the meeting's lease (<c>locks/meetings/{id}</c>, so one writer per meeting at a time,
/// kept while records keep coming), takes every record waiting, applies them in one conditional write (the ledger
/// then brings the indexes in line) and asks for the checklist cards to be updated. Records stored here while another
/// instance holds the lease are forwarded on the projection queue, which every instance drains into its own workers;
/// a queued message is completed once applied and handed back when its meeting is busy elsewhere. A record stored
/// by an instance that stops before applying it is still in the change journal, so the reconciler applies it.
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
    private static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(50);
    private const int MaxTries = 5;
    private readonly ConcurrentDictionary<string, MeetingWork> _work = new(StringComparer.Ordinal);
    private CancellationToken _stopping;

    /// <summary>Hands a stored record to this instance's worker for its meeting (never blocks, never fails).</summary>
    public void Submit(StoredProgress stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Submit(stored.Record.MeetingId, [new Work(stored, null)]);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(32, stoppingToken).ConfigureAwait(false);
                foreach (var received in batch)
                {
                    var records = await RecordsOfAsync(received, stoppingToken).ConfigureAwait(false);
                    if (records.Count == 0)
                    {
                        await queue.CompleteAsync(received, stoppingToken).ConfigureAwait(false);
                        continue;
                    }

                    var origin = new QueuedOrigin(received, records.Count);
                    Submit(received.Message.MeetingId, [.. records.Select(r => new Work(r, origin))]);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The queue could not be read (storage unreachable): try again shortly; the messages stay queued.
                LogReceiveFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Submit(string meetingId, IReadOnlyList<Work> items)
    {
        var work = _work.GetOrAdd(meetingId, _ => new MeetingWork());
        bool start;
        lock (work.Gate)
        {
            work.Waiting.AddRange(items);
            start = !work.Running;
            work.Running = true;
        }

        if (start)
        {
            _ = Task.Run(() => RunAsync(meetingId, work), CancellationToken.None);
        }
    }

    /// <summary>Applies what waits for the meeting, batch after batch, until nothing does; then gives the lease back.</summary>
    private async Task RunAsync(string meetingId, MeetingWork work)
    {
        var lockName = BlobNames.MeetingLock(meetingId);
        string? lease = null;
        var leasedAt = 0L;
        try
        {
            while (true)
            {
                List<Work> batch;
                lock (work.Gate)
                {
                    batch = [.. work.Waiting];
                    work.Waiting.Clear();
                }

                if (batch.Count == 0)
                {
                    // Reports come in bursts: keep the lease a moment for the next batch rather than give it up and take it again.
                    await Task.Delay(Linger, CancellationToken.None).ConfigureAwait(false);
                    lock (work.Gate)
                    {
                        if (work.Waiting.Count == 0)
                        {
                            work.Running = false;
                            return;
                        }
                    }

                    continue;
                }

                try
                {
                    if (lease is not null && time.GetElapsedTime(leasedAt) > RenewAfter)
                    {
                        lease = await store.RenewLeaseAsync(lockName, lease, CancellationToken.None).ConfigureAwait(false) ? lease : null;
                        leasedAt = time.GetTimestamp();
                    }

                    if (lease is null)
                    {
                        lease = await store.TryAcquireLeaseAsync(lockName, LeaseFor, CancellationToken.None).ConfigureAwait(false);
                        leasedAt = time.GetTimestamp();
                    }

                    if (lease is null)
                    {
                        await ElsewhereAsync(meetingId, batch).ConfigureAwait(false);
                        continue;
                    }

                    await ApplyAsync(meetingId, batch).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    LogProjectionFailed(logger, meetingId, e);
                    await FailedAsync(meetingId, work, batch).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (lease is not null)
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
    }

    private async Task ApplyAsync(string meetingId, List<Work> batch)
    {
        var records = batch.Select(w => w.Stored).ToList();
        var result = await ledger.ApplyStoredAsync(meetingId, records, startFromLastSeen: true, CancellationToken.None).ConfigureAwait(false);
        pending.Forget(meetingId, records.Select(r => r.Name));
        if (result.Applied > 0)
        {
            var items = records.Select(r => r.Record.ItemId).ToHashSet(StringComparer.Ordinal);
            cards.Request(meetingId, result.Meeting.Document.Items.Where(i => items.Contains(i.Id)).SelectMany(i => i.Departments.Select(d => d.Department)));
            LogProjected(logger, meetingId, result.Applied, batch.Count);
        }

        foreach (var origin in batch.Select(w => w.Origin).OfType<QueuedOrigin>().Distinct())
        {
            await queue.CompleteAsync(origin.Received, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Another instance holds the meeting: records stored here go to it by the queue; queued ones go back to the queue.</summary>
    private async Task ElsewhereAsync(string meetingId, List<Work> batch)
    {
        var local = batch.Where(w => w.Origin is null).Select(w => w.Stored).ToList();
        foreach (var chunk in local.Chunk(16))
        {
            var entries = chunk.Select(s => new ProjectionEntry(s.Name, s.Record, s.StoredAt)).ToList();
            if (entries.Sum(e => 300 + (e.Record?.Note?.Length ?? 0) * 3) > AzureProjectionQueue.MaxMessageBytes)
            {
                entries = [.. entries.Select(e => e with { Record = null })];
            }

            await queue.EnqueueAsync(new ProjectionMessage(meetingId, entries, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        }

        foreach (var origin in batch.Select(w => w.Origin).OfType<QueuedOrigin>().Distinct())
        {
            await queue.RetryLaterAsync(origin.Received, Busy, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applying or forwarding failed: queued messages go back to the queue (up to a few tries); records stored here are
    /// tried again after a pause, up to a few times, then left to the reconciler (they are stored, and journalled).
    /// </summary>
    private async Task FailedAsync(string meetingId, MeetingWork work, List<Work> batch)
    {
        foreach (var origin in batch.Select(w => w.Origin).OfType<QueuedOrigin>().Distinct())
        {
            try
            {
                if (origin.Received.DequeueCount < MaxTries)
                {
                    await queue.RetryLaterAsync(origin.Received, Busy, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    LogGaveUp(logger, meetingId, origin.Count);
                    await queue.CompleteAsync(origin.Received, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left invisible, the message comes back by itself.
                LogReleaseFailed(logger, meetingId, e);
            }
        }

        var local = batch.Where(w => w.Origin is null).Select(w => w with { Tries = w.Tries + 1 }).ToList();
        foreach (var given in local.Where(w => w.Tries >= MaxTries))
        {
            LogGaveUp(logger, meetingId, 1);
        }

        var again = local.Where(w => w.Tries < MaxTries).ToList();
        if (again.Count > 0 && !_stopping.IsCancellationRequested)
        {
            try
            {
                // Pacing storage requests, not business time: the timer directly.
                await Task.Delay(Busy, _stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (work.Gate)
            {
                work.Waiting.AddRange(again);
            }
        }
    }

    /// <summary>The records a message carries; one carried by name only is read (and skipped when it is not there).</summary>
    private async Task<List<StoredProgress>> RecordsOfAsync(ReceivedProjection received, CancellationToken cancellationToken)
    {
        var age = time.GetUtcNow() - received.Message.EnqueuedAt;
        var records = new List<StoredProgress>();
        foreach (var entry in received.Message.Records)
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

        return records;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Projected {Applied} progress records onto meeting {MeetingId} ({Batch} in the batch)")]
    private static partial void LogProjected(ILogger logger, string meetingId, int applied, int batch);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Projecting meeting {MeetingId} failed; trying again")]
    private static partial void LogProjectionFailed(ILogger logger, string meetingId, Exception exception);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "Gave up projecting {Count} records of meeting {MeetingId}; they stay stored and the reconciler applies them")]
    private static partial void LogGaveUp(ILogger logger, string meetingId, int count);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "Reading the projection queue failed; trying again")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Debug, Message = "Releasing the projection lease or handing back a message of meeting {MeetingId} failed; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string meetingId, Exception exception);

    private sealed class MeetingWork
    {
        public Lock Gate { get; } = new();

        public List<Work> Waiting { get; } = [];

        public bool Running { get; set; }
    }

    /// <summary>A record to apply, and the queue message it came in (null when stored by this instance).</summary>
    private sealed record Work(StoredProgress Stored, QueuedOrigin? Origin, int Tries = 0);

    private sealed record QueuedOrigin(ReceivedProjection Received, int Count);
}
