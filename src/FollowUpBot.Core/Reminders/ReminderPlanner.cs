using System.Globalization;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Reminders;

/// <summary>One item a digest lists, and the department the recipient answers for (null in organisers' digests).</summary>
internal sealed record DigestItem(string MeetingId, string ItemId, string? Department);

/// <summary>
/// One reminder message to one person for one slot. <see cref="SlotKey"/> is derived from the local time
/// the slot falls due (after quiet hours and non-working days moved it), so computing it again at a later
/// tick, on another instance, gives the same key and the same marker.
/// </summary>
internal sealed record ReminderDigest(
    string TenantId,
    string RecipientAadId,
    string? RecipientName,
    ReminderKind Kind,
    string SlotKey,
    DateTimeOffset At,
    string TimeZone,
    IReadOnlyList<DigestItem> Items,
    IReadOnlyList<string> MeetingIds)
{
    public string MarkerName => BlobNames.Reminder(TenantId, RecipientAadId, SlotKey);
}

/// <summary>Everything the decision reads: the stored state, the policy defaults, the calendar and which slots are done.</summary>
internal sealed record ReminderInputs
{
    public required IReadOnlyList<MeetingDocument> Meetings { get; init; }

    public required DepartmentDirectory Directory { get; init; }

    public required ReminderDefaults Defaults { get; init; }

    public required WorkingCalendar Calendar { get; init; }

    /// <summary>Recipients' IANA time zones from their conversation references (Entra object id → zone).</summary>
    public IReadOnlyDictionary<string, string> RecipientTimeZones { get; init; } = new Dictionary<string, string>();

    /// <summary>Organisers to escalate to when a meeting names none (FollowUp:Organisers).</summary>
    public IReadOnlyList<string> Organisers { get; init; } = [];

    /// <summary>True for a marker name whose slot is claimed or sent already.</summary>
    public Func<string, bool> IsHandled { get; init; } = static _ => false;

    /// <summary>How far back a missed slot is still caught up after a restart.</summary>
    public TimeSpan CatchUpWindow { get; init; } = TimeSpan.FromDays(7);
}

/// <summary>
/// The decision "which reminder digests are due at t": a pure function of the meetings, the directory, the
/// recipients' time zones, the policy, the calendar, t and the slots already handled. Per recipient and kind
/// it finds the latest slot due at or before t (within the catch-up window); if that slot is not handled yet,
/// it is due now. So a tick that runs late, or the first tick after a restart, sends one digest for what was
/// missed, not one per missed tick, and a slot that was handled is never produced again.
/// </summary>
internal static class ReminderPlanner
{
    /// <summary>How far before the window a nominal time may lie and still be pushed into it (a holiday week and its weekends).</summary>
    private static readonly TimeSpan PushReach = TimeSpan.FromDays(14);

    public static IReadOnlyList<ReminderDigest> Plan(ReminderInputs inputs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var meetings = inputs.Meetings
            .Where(m => m.State == MeetingState.Published && !string.IsNullOrEmpty(m.TenantId))
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new PlannedMeeting(m, ResolvedPolicy.Resolve(m.Reminders, inputs.Defaults)))
            .ToList();
        var digests = new List<ReminderDigest>();
        digests.AddRange(PlanContacts(inputs, meetings, now));
        digests.AddRange(PlanOrganisers(inputs, meetings, now));
        return [.. digests.OrderBy(d => d.At).ThenBy(d => d.TenantId, StringComparer.Ordinal).ThenBy(d => d.RecipientAadId, StringComparer.Ordinal).ThenBy(d => d.Kind)];
    }

    /// <summary>Whether a department still owes work on an item: the item is open and the department has not reported it done.</summary>
    public static bool IsOpenFor(MeetingItem item, string department)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status == ProgressStatus.Closed)
        {
            return false;
        }

        var status = item.FindDepartment(department)?.Status ?? ProgressStatus.NotStarted;
        return status is not (ProgressStatus.CompletionRequested or ProgressStatus.Closed);
    }

    /// <summary>Whether an organiser should hear about an item being overdue: no lead has finished, and it stood overdue for the meeting's M working days by this morning.</summary>
    public static bool IsEscalated(MeetingItem item, int escalateAfterDays, DateOnly today, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        return escalateAfterDays > 0
            && item.Status is not (ProgressStatus.Closed or ProgressStatus.CompletionRequested)
            && item.CurrentDue is { } due
            && ReminderTime.OverdueWorkingDays(calendar, due, today) >= escalateAfterDays;
    }

    private static IEnumerable<ReminderDigest> PlanContacts(ReminderInputs inputs, List<PlannedMeeting> meetings, DateTimeOffset now)
    {
        var contacts = inputs.Directory.Departments
            .GroupBy(d => d.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Contacts, StringComparer.Ordinal);
        var recipients = new Dictionary<(string Tenant, string Aad), Recipient>();
        foreach (var planned in meetings)
        {
            foreach (var item in planned.Meeting.Items)
            {
                foreach (var department in item.Lead.Concat(item.Support).Distinct(StringComparer.Ordinal))
                {
                    if (!IsOpenFor(item, department) || !contacts.TryGetValue(department, out var people))
                    {
                        continue;
                    }

                    foreach (var contact in people)
                    {
                        var key = (planned.Meeting.TenantId!, contact.AadObjectId);
                        if (!recipients.TryGetValue(key, out var recipient))
                        {
                            recipients[key] = recipient = new Recipient(contact.Name);
                        }

                        if (!recipient.Entries.Exists(e => e.Meeting == planned && e.Item.Id == item.Id && e.Department == department))
                        {
                            recipient.Entries.Add(new Entry(planned, item, department));
                        }
                    }
                }
            }
        }

        foreach (var ((tenant, aad), recipient) in recipients)
        {
            var zone = ZoneOf(inputs, aad, recipient.Entries.Select(e => e.Meeting));
            var from = now - inputs.CatchUpWindow;

            var cron = recipient.Entries.Select(e => e.Meeting).Distinct()
                .Select(m => LatestCron(m, zone, from, now, inputs.Calendar))
                .Where(t => t is not null)
                .Max();
            var due = recipient.Entries
                .Select(e => LatestDue(e, zone, from, now, inputs.Calendar))
                .Where(t => t is not null)
                .Max();

            var items = recipient.Entries
                .OrderBy(e => e.Item.CurrentDue ?? DateOnly.MaxValue)
                .ThenBy(e => e.Meeting.Meeting.Id, StringComparer.Ordinal)
                .ThenBy(e => e.Item.Number ?? int.MaxValue)
                .Select(e => new DigestItem(e.Meeting.Meeting.Id, e.Item.Id, e.Department))
                .ToList();
            var meetingIds = items.Select(i => i.MeetingId).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (kind, at) in new[] { (ReminderKind.Cron, cron), (ReminderKind.Due, due) })
            {
                if (at is not { } local)
                {
                    continue;
                }

                var digest = new ReminderDigest(tenant, aad, recipient.Name, kind, SlotKey(kind, local), ReminderTime.ToInstant(local, zone), zone.Id, items, meetingIds);
                if (!inputs.IsHandled(digest.MarkerName))
                {
                    yield return digest;
                }
            }
        }
    }

    private static IEnumerable<ReminderDigest> PlanOrganisers(ReminderInputs inputs, List<PlannedMeeting> meetings, DateTimeOffset now)
    {
        var byOrganiser = new Dictionary<(string Tenant, string Aad), (string? Name, List<PlannedMeeting> Meetings)>();
        foreach (var planned in meetings)
        {
            IEnumerable<(string Aad, string? Name)> organisers = planned.Meeting.Organiser is { AadObjectId.Length: > 0 } organiser
                ? [(organiser.AadObjectId, organiser.Name)]
                : inputs.Organisers.Select(o => (o, (string?)null));
            foreach (var (aad, name) in organisers)
            {
                var key = (planned.Meeting.TenantId!, aad);
                if (!byOrganiser.TryGetValue(key, out var entry))
                {
                    byOrganiser[key] = entry = (name, []);
                }

                entry.Meetings.Add(planned);
            }
        }

        foreach (var ((tenant, aad), (name, owned)) in byOrganiser)
        {
            var zone = ZoneOf(inputs, aad, owned);
            var from = now - inputs.CatchUpWindow;
            var today = DateOnly.FromDateTime(ReminderTime.ToLocal(now, zone));
            var meetingIds = owned.Select(m => m.Meeting.Id).ToList();

            DateTime? escalation = null;
            var escalated = new List<DigestItem>();
            DateTime? unreachable = null;
            var unreachableItems = new List<DigestItem>();
            foreach (var planned in owned)
            {
                foreach (var item in planned.Meeting.Items.Where(i => i.Status != ProgressStatus.Closed).OrderBy(i => i.Number ?? int.MaxValue))
                {
                    if (planned.Policy.EscalateAfterDays > 0 && item.CurrentDue is { } due && item.Status != ProgressStatus.CompletionRequested)
                    {
                        // The morning after the M-th overdue working day.
                        var day = inputs.Calendar.AddWorkingDays(due, planned.Policy.EscalateAfterDays).AddDays(1);
                        escalation = Later(escalation, Effective(planned, day.ToDateTime(TimeOnly.MinValue), zone, from, now, inputs.Calendar));
                        if (IsEscalated(item, planned.Policy.EscalateAfterDays, today, inputs.Calendar))
                        {
                            escalated.Add(new DigestItem(planned.Meeting.Id, item.Id, null));
                        }
                    }

                    foreach (var department in item.Departments.Where(d => d.Unreachable is { Count: > 0 }))
                    {
                        foreach (var contact in department.Unreachable!)
                        {
                            // Told at the next full hour, so a fan-out's failures arrive as one message, not one each.
                            var local = ReminderTime.ToLocal(contact.At, zone);
                            var hour = local.Date.AddHours(local.Hour + 1);
                            unreachable = Later(unreachable, Effective(planned, hour, zone, from, now, inputs.Calendar));
                        }

                        unreachableItems.Add(new DigestItem(planned.Meeting.Id, item.Id, department.Department));
                    }
                }
            }

            foreach (var (kind, at, items) in new[] { (ReminderKind.Escalation, escalation, escalated), (ReminderKind.Unreachable, unreachable, unreachableItems) })
            {
                if (at is not { } local || items.Count == 0)
                {
                    continue;
                }

                var digest = new ReminderDigest(tenant, aad, name, kind, SlotKey(kind, local), ReminderTime.ToInstant(local, zone), zone.Id, items, meetingIds);
                if (!inputs.IsHandled(digest.MarkerName))
                {
                    yield return digest;
                }
            }
        }
    }

    /// <summary>The latest cron occurrence of the meeting whose allowed delivery time is due at <paramref name="now"/>.</summary>
    private static DateTime? LatestCron(PlannedMeeting planned, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (planned.Policy.Cron is not { } cron)
        {
            return null;
        }

        // Pushing keeps order, so the first occurrence (going back) whose delivery time has come is the latest one.
        foreach (var occurrence in cron.GetOccurrencesDescending(now.UtcDateTime, (from - PushReach).UtcDateTime, zone, fromInclusive: true, toInclusive: true))
        {
            var local = ReminderTime.ToLocal(new DateTimeOffset(occurrence, TimeSpan.Zero), zone);
            var effective = ReminderTime.NextAllowed(local, planned.Policy.QuietHours, calendar);
            if (ReminderTime.ToInstant(effective, zone) <= now)
            {
                return Effective(planned, local, zone, from, now, calendar);
            }
        }

        return null;
    }

    /// <summary>The latest due-date reminder of an item (N working days before, the due day, each overdue working day) due at <paramref name="now"/>.</summary>
    private static DateTime? LatestDue(Entry entry, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset now, WorkingCalendar calendar)
    {
        if (entry.Item.CurrentDue is not { } due)
        {
            return null;
        }

        var policy = entry.Meeting.Policy;
        DateOnly? before = policy.DaysBeforeDue > 0 ? ReminderTime.SubtractWorkingDays(calendar, due, policy.DaysBeforeDue) : null;
        var today = DateOnly.FromDateTime(ReminderTime.ToLocal(now, zone));
        var earliest = DateOnly.FromDateTime(ReminderTime.ToLocal(from - PushReach, zone));
        for (var day = today; day >= earliest; day = day.AddDays(-1))
        {
            var trigger = day == before || day == due || (day > due && calendar.IsWorkingDay(day));
            if (!trigger)
            {
                continue;
            }

            var effective = Effective(entry.Meeting, day.ToDateTime(TimeOnly.MinValue), zone, from, now, calendar);
            if (effective is not null)
            {
                return effective;
            }

            // Pushed past now: an earlier trigger may be due; one before the window or publication is not.
            if (ReminderTime.ToInstant(ReminderTime.NextAllowed(day.ToDateTime(TimeOnly.MinValue), policy.QuietHours, calendar), zone) <= now)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The allowed delivery time of a nominal local time, when it is due (at or before now, inside the window, after publication).</summary>
    private static DateTime? Effective(PlannedMeeting planned, DateTime nominal, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset now, WorkingCalendar calendar)
    {
        var local = ReminderTime.NextAllowed(nominal, planned.Policy.QuietHours, calendar);
        var instant = ReminderTime.ToInstant(local, zone);
        var published = planned.Meeting.PublishedAt ?? planned.Meeting.CreatedAt;
        return instant <= now && instant > from && instant >= published ? local : null;
    }

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeZoneInfo ZoneOf(ReminderInputs inputs, string aad, IEnumerable<PlannedMeeting> meetings) =>
        (inputs.RecipientTimeZones.TryGetValue(aad, out var stored) ? ReminderTime.FindZone(stored) : null)
        ?? meetings.Select(m => ReminderTime.FindZone(m.Meeting.TimeZone)).FirstOrDefault(z => z is not null)
        ?? ReminderTime.FindZone(inputs.Defaults.TimeZone)
        ?? TimeZoneInfo.Utc;

    /// <summary>The slot key: the local delivery time and the kind, e.g. <c>2026-09-28-due</c>, <c>2026-09-28-cron-0900</c>.</summary>
    public static string SlotKey(ReminderKind kind, DateTime local)
    {
        var date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = local.ToString(local.Second == 0 ? "HHmm" : "HHmmss", CultureInfo.InvariantCulture);
        return kind switch
        {
            ReminderKind.Cron => $"{date}-cron-{time}",
            ReminderKind.Due => $"{date}-due",
            ReminderKind.Escalation => $"{date}-escalation",
            _ => $"{date}-unreachable-{time}",
        };
    }

    private sealed record PlannedMeeting(MeetingDocument Meeting, ResolvedPolicy Policy);

    private sealed record Entry(PlannedMeeting Meeting, MeetingItem Item, string Department);

    private sealed class Recipient(string? name)
    {
        public string? Name { get; } = name;

        public List<Entry> Entries { get; } = [];
    }
}
