using FollowUpBot.Ledger;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Storage;

/// <summary>
/// Applies progress records that no <c>meeting.json</c> reflects yet (a process stopped between storing
/// a record and updating its meeting, or gave up on a contended write): once at start, then every
/// <c>Storage:ReconcileInterval</c>. Safe on every instance at once: writes are ETag-conditional and
/// applying a record twice changes nothing.
/// </summary>
internal sealed partial class LedgerReconciler(
    MeetingLedger ledger,
    IBlobStore store,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<LedgerReconciler> logger) : BackgroundService
{
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

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        int meetings = 0, applied = 0, failed = 0;
        try
        {
            await foreach (var meetingId in ledger.ListMeetingIdsAsync(cancellationToken).ConfigureAwait(false))
            {
                meetings++;
                try
                {
                    applied += (await ledger.ReconcileAsync(meetingId, cancellationToken).ConfigureAwait(false)).Applied;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    LogMeetingFailed(e, meetingId);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad pass (storage unreachable) must not end the loop; the next tick tries again.
            LogPassFailed(e);
            return;
        }

        LogPass(meetings, applied, failed);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Ledger storage: {Backend}")]
    private partial void LogBackend(string backend);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Reconciled {Meetings} meetings: {Applied} records applied, {Failed} meetings failed")]
    private partial void LogPass(int meetings, int applied, int failed);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Reconciling meeting {MeetingId} failed")]
    private partial void LogMeetingFailed(Exception exception, string meetingId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "A reconciliation pass failed; the next one tries again")]
    private partial void LogPassFailed(Exception exception);
}
