using Microsoft.Extensions.Options;

namespace FollowUpBot.Reminders;

/// <summary>
/// Keeps this instance registered as a reminder sender (<see cref="SenderRoster"/>): a heartbeat every
/// <see cref="RemindersOptions.SenderHeartbeat"/>, and a goodbye on stop so the others take its share at once.
/// Stopped after the sender (hosted services stop in reverse order), so sends under way keep their share.
/// </summary>
internal sealed partial class SenderRosterService(
    SenderRoster roster,
    IOptions<RemindersOptions> options,
    TimeProvider timeProvider,
    ILogger<SenderRosterService> logger) : BackgroundService
{
    private int _senders;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(roster.Heartbeat, timeProvider);
        do
        {
            try
            {
                var share = await roster.RefreshAsync(stoppingToken).ConfigureAwait(false);
                if (share.Senders != _senders)
                {
                    _senders = share.Senders;
                    LogShare(roster.Instance, share.Senders, share.PerSecond);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The share runs out unless a later beat succeeds; until then this instance sends nothing.
                LogHeartbeatFailed(e, roster.Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            await roster.LeaveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The others drop this instance after four heartbeats.
            LogLeaveFailed(e, roster.Name);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Reminder sender {Instance}: {Senders} sending instances, this one sends {PerSecond:F1} per second per tenant")]
    private partial void LogShare(string instance, int senders, double perSecond);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Reminder sender heartbeat {Blob} failed; no reminders leave this instance until one succeeds")]
    private partial void LogHeartbeatFailed(Exception exception, string blob);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Could not deregister reminder sender {Blob}; the others drop it after four heartbeats")]
    private partial void LogLeaveFailed(Exception exception, string blob);
}
