using FollowUpBot.Ledger;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Storage;

/// <summary>
/// The safety net behind the projector: applies progress records that no <c>meeting.json</c> reflects yet (a process
/// stopped between storing a record and queueing it, the local queue was lost with its process, the projector gave
/// up) and repairs the indexes. It works from what changed, never from a listing of the ledger: every record store and
/// meeting write first marks its meeting in the change journal (<c>changes/{hour}/{meetingId}</c>), and each pass
/// (at start, then every <c>Storage:ReconcileInterval</c>) reconciles the meetings marked, then deletes the markers of
/// hours that ended more than <see cref="ClosedAfter"/> ago. A ledger without indexes (written by an older version) is
/// rebuilt once at start from a full listing. Safe on every instance at once: writes are conditional and applying a
/// record twice changes nothing.
/// </summary>
internal sealed partial class LedgerReconciler(
    MeetingLedger ledger,
    IBlobStore store,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<LedgerReconciler> logger) : BackgroundService
{
    /// <summary>How long after its hour a marker is kept: more than any clock difference among instances, so no process still writes under it.</summary>
    public static readonly TimeSpan ClosedAfter = TimeSpan.FromMinutes(70);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogBackend(store switch
        {
            AzureBlobStore azure => $"Azure Blob Storage container {azure.ContainerUri}",
            LocalBlobStore local => $"local folder {local.RootPath}",
            _ => store.GetType().Name,
        });
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, timeProvider);
        try
        {
            await RebuildIfMissingAsync(stoppingToken).ConfigureAwait(false);
            do
            {
                await PassAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>One pass over the change journal; returns how many records it applied.</summary>
    public async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        int meetings = 0, applied = 0, failed = 0;
        try
        {
            var entries = new List<JournalEntry>();
            await foreach (var entry in ledger.Journal.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(entry);
            }

            var now = timeProvider.GetUtcNow();
            foreach (var meeting in entries.GroupBy(e => e.MeetingId, StringComparer.Ordinal))
            {
                meetings++;
                try
                {
                    if (await ledger.GetMeetingAsync(meeting.Key, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        applied += (await ledger.ReconcileAsync(meeting.Key, cancellationToken).ConfigureAwait(false)).Applied;
                        await ledger.SyncIndexAsync(meeting.Key, cancellationToken).ConfigureAwait(false);
                    }

                    foreach (var closed in meeting.Where(e => e.Hour + TimeSpan.FromHours(1) + ClosedAfter < now))
                    {
                        await ledger.Journal.DeleteAsync(closed, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    LogMeetingFailed(e, meeting.Key);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad pass (storage unreachable) must not end the loop; the next tick tries again.
            LogPassFailed(e);
            return applied;
        }

        LogPass(meetings, applied, failed);
        return applied;
    }

    /// <summary>The indexes are missing (a new ledger, or one written before them): reconcile every meeting and index it, once.</summary>
    private async Task RebuildIfMissingAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await ledger.Index.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var meetings = new List<MeetingDocument>();
            await foreach (var meetingId in ledger.ListMeetingIdsAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await ledger.ReconcileAsync(meetingId, cancellationToken).ConfigureAwait(false);
                    if (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false) is { } meeting)
                    {
                        meetings.Add(meeting.Document);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogMeetingFailed(e, meetingId);
                }
            }

            await ledger.Index.RebuildAsync(meetings, cancellationToken).ConfigureAwait(false);
            await ledger.Index.EnsureExistsAsync(cancellationToken).ConfigureAwait(false);
            LogRebuilt(meetings.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPassFailed(e);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Ledger storage: {Backend}")]
    private partial void LogBackend(string backend);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Reconciled {Meetings} changed meetings: {Applied} records applied, {Failed} meetings failed")]
    private partial void LogPass(int meetings, int applied, int failed);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Reconciling meeting {MeetingId} failed")]
    private partial void LogMeetingFailed(Exception exception, string meetingId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Rebuilt the ledger indexes from {Count} meetings")]
    private partial void LogRebuilt(int count);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "A reconciliation pass failed; the next one tries again")]
    private partial void LogPassFailed(Exception exception);
}
