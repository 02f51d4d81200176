using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Reminders;

/// <summary>
/// Runs on every instance; the one holding the <c>locks/scheduler</c> lease decides each
/// <see cref="RemindersOptions.Tick"/> which digests are due (<see cref="ReminderPlanner"/>), claims a marker per
/// recipient and slot (create-only, so a slot is claimed once even if two instances lead for a moment), and
/// queues the send. A claim left unsent for ten minutes is taken over and queued again.
/// </summary>
internal sealed partial class ReminderScheduler(
    IBlobStore store,
    MeetingLedger ledger,
    DirectoryStore directory,
    ConversationReferenceStore references,
    IReminderQueue queue,
    WorkingCalendar calendar,
    IOptions<RemindersOptions> options,
    IOptions<FollowUpOptions> followUp,
    TimeProvider timeProvider,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    private const int ClaimParallelism = 8;
    private static readonly TimeSpan ZoneRefresh = TimeSpan.FromMinutes(15);
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Slots known to be final (sent or unreachable), by marker name, with their time, so a pass does not ask storage again.</summary>
    private readonly Dictionary<string, DateTimeOffset> _handled = new(StringComparer.Ordinal);

    /// <summary>Slots claimed and not known to be final, with the time of the claim seen.</summary>
    private readonly Dictionary<string, DateTimeOffset> _claimed = new(StringComparer.Ordinal);
    private Dictionary<string, string> _zones = new(StringComparer.Ordinal);

    /// <summary>What the senders need from each user's reference (language, whether a 1:1 chat exists), read with the zones.</summary>
    private Dictionary<string, (string? Locale, bool HasChat)> _people = new(StringComparer.Ordinal);
    private DateTimeOffset _zonesRead = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await LeaderLease.RunAsLeaderAsync(store, BlobNames.SchedulerLock, options.Value.LeaseDuration, LeadAsync, timeProvider, cancellationToken: stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLeaderLoopFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(5), timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        LogLeading(_instance);
        using var timer = new PeriodicTimer(options.Value.Tick, timeProvider);
        do
        {
            try
            {
                await PassAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One failed pass (storage unreachable, an unreadable document) must not end the leadership loop.
                LogPassFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One decision and its claims. Internal so tests can run a pass at a chosen time.</summary>
    internal async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var meetings = new List<MeetingDocument>();
        await foreach (var id in ledger.ListMeetingIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await ledger.GetMeetingAsync(id, cancellationToken).ConfigureAwait(false) is { Document.State: MeetingState.Published } meeting)
                {
                    meetings.Add(meeting.Document);
                }
            }
            catch (StoredDocumentException e)
            {
                LogUnreadableMeeting(e, id);
            }
        }

        var inputs = new ReminderInputs
        {
            Meetings = meetings,
            Directory = await directory.GetAsync(cancellationToken).ConfigureAwait(false),
            Defaults = options.Value.Defaults(followUp.Value.TimeZone),
            Calendar = calendar,
            RecipientTimeZones = await ZonesAsync(now, cancellationToken).ConfigureAwait(false),
            Organisers = [.. followUp.Value.Organisers],
            CatchUpWindow = options.Value.CatchUpWindow,
            IsHandled = name => _handled.ContainsKey(name) || (_claimed.TryGetValue(name, out var at) && now - at < ReminderMarkers.ClaimTimeout),
        };
        var digests = ReminderPlanner.Plan(inputs, now);
        var queued = 0;
        // Claims are independent storage round trips: a few at a time, so a large fan-out starts sending quickly.
        await Parallel.ForEachAsync(digests, new ParallelOptions { MaxDegreeOfParallelism = ClaimParallelism, CancellationToken = cancellationToken }, async (digest, ct) =>
        {
            var marker = new ReminderMarker
            {
                TenantId = digest.TenantId,
                RecipientAadId = digest.RecipientAadId,
                SlotKey = digest.SlotKey,
                ClaimedBy = _instance,
                Items = [.. digest.Items.Select(i => new ItemReference(i.MeetingId, i.ItemId))],
            };
            var claim = await store.TryClaimAsync(marker, timeProvider, ct).ConfigureAwait(false);
            if (claim is null)
            {
                var existing = await store.GetDocumentAsync(digest.MarkerName, LedgerJsonContext.Default.ReminderMarker, ct).ConfigureAwait(false);
                lock (_handled)
                {
                    if (existing is { Document.State: not ReminderMarkerState.Claimed })
                    {
                        _handled[digest.MarkerName] = digest.At;
                    }
                    else if (existing is not null)
                    {
                        _claimed[digest.MarkerName] = existing.Document.ClaimedAt;
                    }
                }

                return;
            }

            lock (_handled)
            {
                _claimed[digest.MarkerName] = claim.Document.ClaimedAt;
            }

            var person = _people.TryGetValue(digest.RecipientAadId, out var known) ? known : ((string?)null, false);
            await queue.EnqueueAsync(new ReminderSend(digest.TenantId, digest.RecipientAadId, digest.RecipientName, digest.Kind, digest.SlotKey, digest.TimeZone, claim.ETag, digest.Items, digest.MeetingIds)
            {
                Locale = person.Item1,
                HasChat = _people.ContainsKey(digest.RecipientAadId) ? person.Item2 : null,
            },
                TimeSpan.Zero, ct).ConfigureAwait(false);
            Interlocked.Increment(ref queued);
        }).ConfigureAwait(false);

        Forget(now);
        LogPass(meetings.Count, digests.Count, queued);
        return queued;
    }

    private async Task<IReadOnlyDictionary<string, string>> ZonesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now - _zonesRead < ZoneRefresh)
        {
            return _zones;
        }

        try
        {
            var zones = new Dictionary<string, string>(StringComparer.Ordinal);
            var people = new Dictionary<string, (string? Locale, bool HasChat)>(StringComparer.Ordinal);
            await foreach (var reference in references.ListAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (reference.UserAadObjectId is { } aad && reference.IsPersonal)
                {
                    people[aad] = (reference.Locale, reference.ConversationId is not null);
                    if (reference.TimeZone is { } zone)
                    {
                        zones[aad] = zone;
                    }
                }
            }

            _zones = zones;
            _people = people;
            _zonesRead = now;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // The zones last read (or the meetings' zones) serve until the next try.
            LogZonesFailed(e);
        }

        return _zones;
    }

    private void Forget(DateTimeOffset now)
    {
        var horizon = now - options.Value.CatchUpWindow - TimeSpan.FromDays(1);
        lock (_handled)
        {
            foreach (var name in _handled.Where(p => p.Value < horizon).Select(p => p.Key).ToList())
            {
                _handled.Remove(name);
            }

            foreach (var name in _claimed.Where(p => p.Value < horizon).Select(p => p.Key).ToList())
            {
                _claimed.Remove(name);
            }
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Reminder scheduler: {Instance} leads")]
    private partial void LogLeading(string instance);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Reminder pass: {Meetings} published meetings, {Due} digests due, {Queued} claimed and queued")]
    private partial void LogPass(int meetings, int due, int queued);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "A reminder pass failed; the next tick tries again")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "The reminder leader loop failed; trying to lead again")]
    private partial void LogLeaderLoopFailed(Exception exception);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Meeting {MeetingId} cannot be read; it gets no reminders until it can")]
    private partial void LogUnreadableMeeting(Exception exception, string meetingId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Could not read the recipients' time zones; using the ones read before")]
    private partial void LogZonesFailed(Exception exception);
}
