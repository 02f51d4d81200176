using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Bulletins;

/// <summary>
/// <c>Bulletin:Cron</c>: runs on every instance; the one holding the <c>locks/bulletins</c> lease looks each
/// <see cref="BulletinOptions.Tick"/> for the latest cron slot of every published meeting (in the meeting's time
/// zone), claims <c>bulletins/{meetingId}/scheduled/{slot}.json</c> create-only — the reminder markers' rule, so
/// a slot is issued once even if two instances lead for a moment, and a claim left unsent for ten minutes is
/// taken over — then sends the bulletin card and link to the meeting's organisers and marks the slot sent.
/// </summary>
internal sealed partial class BulletinScheduler(
    BulletinService bulletins,
    IBulletinPoster poster,
    IOptions<BulletinOptions> options,
    TimeProvider time,
    ILogger<BulletinScheduler> logger) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Slots this instance knows are final, so a pass does not ask storage again.</summary>
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!BulletinCommands.TryParseCron(options.Value.Cron, out var cron) || cron is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LeaderLease.RunAsLeaderAsync(bulletins.Store, BulletinStore.SchedulerLock, options.Value.LeaseDuration, LeadAsync, time, cancellationToken: stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLeaderLoopFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.Tick, time);
        do
        {
            try
            {
                await PassAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One failed pass (storage unreachable, an unreadable document) must not end the leadership loop.
                LogPassFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One look at the schedule: issues every due slot not issued yet; returns how many this instance issued. Internal so tests can run a pass at a chosen time.</summary>
    internal async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        if (!BulletinCommands.TryParseCron(options.Value.Cron, out var cron) || cron is null)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var issued = 0;
        foreach (var meeting in await bulletins.Meetings.ListPublishedAsync(cancellationToken).ConfigureAwait(false))
        {
            var zone = bulletins.ZoneOf(meeting);
            if (BulletinCommands.LatestSlot(cron, zone, now, options.Value.CatchUpWindow) is not { } slot)
            {
                continue;
            }

            var slotKey = BulletinCommands.SlotKey(slot);
            var name = BulletinStore.Marker(meeting.Id, slotKey);
            if (_handled.Contains(name))
            {
                continue;
            }

            var claim = await bulletins.Store.TryClaimAsync(new BulletinMarker { MeetingId = meeting.Id, SlotKey = slotKey, ClaimedBy = _instance }, time, cancellationToken).ConfigureAwait(false);
            if (claim is null)
            {
                var existing = await bulletins.Store.GetDocumentAsync(name, BulletinJsonContext.Default.BulletinMarker, cancellationToken).ConfigureAwait(false);
                if (existing is { Document.State: not ReminderMarkerState.Claimed })
                {
                    _handled.Add(name);
                }

                continue;
            }

            var until = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slot, zone).DateTime);
            var (sent, failures) = await SendToOrganisersAsync(meeting, until, cancellationToken).ConfigureAwait(false);
            try
            {
                await bulletins.Store.MarkSentAsync(claim, sent, failures, time, cancellationToken).ConfigureAwait(false);
                _handled.Add(name);
                issued++;
                LogIssued(logger, meeting.Id, slotKey, sent.Count, failures.Count);
            }
            catch (BlobConflictException)
            {
                // Our claim was taken over (we took longer than the claim timeout); the other instance records it.
                LogClaimLost(logger, meeting.Id, slotKey);
            }
        }

        return issued;
    }

    private async Task<(List<string> Sent, List<string> Failures)> SendToOrganisersAsync(MeetingDocument meeting, DateOnly until, CancellationToken cancellationToken)
    {
        // The meeting's own organiser; a meeting that names none goes to every configured organiser.
        IReadOnlyList<string> organisers = meeting.Organiser is { AadObjectId.Length: > 0 } organiser ? [organiser.AadObjectId] : bulletins.Organisers;
        var tenantId = meeting.TenantId ?? string.Empty;
        var sent = new List<string>();
        var failures = new List<string>();
        foreach (var aad in organisers)
        {
            try
            {
                var tag = await poster.LocaleOfAsync(tenantId, aad, cancellationToken).ConfigureAwait(false);
                var locale = tag is null ? UiLocale.ZhCN : UiLocales.FromTag(tag);
                var bulletin = await bulletins.BuildAsync(meeting, locale, since: null, until, cancellationToken).ConfigureAwait(false);
                var card = await bulletins.IssuedCardAsync(bulletin, forOrganiser: true, cancellationToken).ConfigureAwait(false);
                var activity = TurnContext.CardActivity(card) with { Summary = Texts.Format(locale, "bulletin.scheduled", bulletin.Title) };
                await poster.SendToUserAsync(tenantId, aad, activity, cancellationToken).ConfigureAwait(false);
                sent.Add(aad);
            }
            catch (RecipientUnreachableException e)
            {
                failures.Add($"{aad}: {e.Reason}");
            }
            catch (ConnectorException e)
            {
                failures.Add($"{aad}: {e.Kind}");
            }
        }

        return (sent, failures);
    }

    [LoggerMessage(EventId = 9511, Level = LogLevel.Information, Message = "Scheduled bulletin of {MeetingId} for {SlotKey}: sent to {Sent} organisers, {Failed} not reached")]
    private static partial void LogIssued(ILogger logger, string meetingId, string slotKey, int sent, int failed);

    [LoggerMessage(EventId = 9512, Level = LogLevel.Warning, Message = "Scheduled bulletin of {MeetingId} for {SlotKey}: the claim was taken over before it was marked sent")]
    private static partial void LogClaimLost(ILogger logger, string meetingId, string slotKey);

    [LoggerMessage(EventId = 9513, Level = LogLevel.Warning, Message = "A bulletin pass failed; the next tick tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9514, Level = LogLevel.Error, Message = "The bulletin leader loop failed; trying to lead again")]
    private static partial void LogLeaderLoopFailed(ILogger logger, Exception exception);
}
