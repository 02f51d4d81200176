using FollowUpBot.Checklists;
using FollowUpBot.Ledger;

namespace FollowUpBot.Summaries;

/// <summary>
/// What an organiser sees of one meeting on a given day: every figure is counted from the meeting's
/// projection (<c>meeting.json</c>), which is the records' replay, so one read gives the whole summary.
/// </summary>
internal sealed record MeetingSummary
{
    public required string MeetingId { get; init; }

    public required string Title { get; init; }

    public MeetingState State { get; init; }

    public DateOnly Today { get; init; }

    /// <summary>Items of the meeting (each counted once, by its derived status).</summary>
    public int Total { get; init; }

    public int Closed { get; init; }

    /// <summary>Items not closed.</summary>
    public int Open { get; init; }

    /// <summary>Open items due within <see cref="ChecklistCard.DueSoonDays"/> days (yellow).</summary>
    public int DueSoon { get; init; }

    /// <summary>Open items past their due date (red).</summary>
    public int Overdue { get; init; }

    public int Blocked { get; init; }

    /// <summary>Closed items as a whole percent of all items (0 for a meeting without items).</summary>
    public int PercentClosed => Total == 0 ? 0 : (int)Math.Floor(100.0 * Closed / Total);

    /// <summary>One line per (department, role), worst first: most overdue, then most due soon, then most open.</summary>
    public IReadOnlyList<DepartmentTally> Departments { get; init; } = [];

    /// <summary>Open items past due, longest overdue first.</summary>
    public IReadOnlyList<ItemLine> OverdueItems { get; init; } = [];

    /// <summary>Open items due soon, soonest first.</summary>
    public IReadOnlyList<ItemLine> DueSoonItems { get; init; } = [];

    /// <summary>The latest report of each department part, newest first.</summary>
    public IReadOnlyList<ReportLine> LatestReports { get; init; } = [];

    public IReadOnlyList<RequestLine> PendingExtensions { get; init; } = [];

    public IReadOnlyList<RequestLine> PendingCompletions { get; init; } = [];
}

/// <summary>
/// A department's parts of the meeting's items in one role: <see cref="Open"/> counts every part not
/// closed, and <see cref="DueSoon"/> and <see cref="Overdue"/> are the open parts by their light.
/// </summary>
internal sealed record DepartmentTally(string Department, DepartmentRole Role, int Open, int DueSoon, int Overdue, int Done)
{
    public int Total => Open + Done;
}

/// <summary>A report as it is stored: who, when (the record's time), and what it said.</summary>
internal sealed record ReportLine(int? Number, string ItemId, string Task, string Department, Person By, DateTimeOffset At, ProgressStatus Status, int? Percent, string? Note, string Record);

/// <summary>An item with its due date and the latest report on it (any department).</summary>
internal sealed record ItemLine(int? Number, string ItemId, string Task, IReadOnlyList<string> Lead, DateOnly? Due, int Days, ProgressStatus Status, ReportLine? LastReport);

/// <summary>A department's open request: an extension (with the date asked for) or completion.</summary>
internal sealed record RequestLine(int? Number, string ItemId, string Task, string Department, Person? By, DateTimeOffset? At, DateOnly? RequestedDue, string? Reason);

/// <summary>The pure summary computation.</summary>
internal static class MeetingSummaries
{
    /// <summary>Counts a meeting's projection as of <paramref name="today"/> (the meeting's local date).</summary>
    public static MeetingSummary Summarise(MeetingDocument meeting, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var tallies = new Dictionary<(string Department, DepartmentRole Role), int[]>();
        var overdue = new List<ItemLine>();
        var dueSoon = new List<ItemLine>();
        var reports = new List<ReportLine>();
        var extensions = new List<RequestLine>();
        var completions = new List<RequestLine>();
        int closed = 0, blocked = 0;

        foreach (var item in meeting.Items)
        {
            var due = item.CurrentDue;
            ReportLine? last = null;
            foreach (var part in item.Departments)
            {
                if (ReportOf(item, part) is { } report)
                {
                    reports.Add(report);
                    if (last is null || Later(report, last))
                    {
                        last = report;
                    }
                }

                var light = Light(due, today, part.Status);
                var tally = tallies.TryGetValue((part.Department, part.Role), out var t) ? t : tallies[(part.Department, part.Role)] = new int[4];
                if (part.Status == ProgressStatus.Closed)
                {
                    tally[3]++;
                }
                else
                {
                    tally[0]++;
                    tally[1] += light == DueLight.Yellow ? 1 : 0;
                    tally[2] += light == DueLight.Red ? 1 : 0;
                }

                if (part.Extension is { Outcome: ExtensionOutcome.Pending } extension)
                {
                    extensions.Add(new RequestLine(item.Number, item.Id, item.Task, part.Department, extension.By, extension.At, extension.RequestedDue, extension.Reason));
                }

                if (part.Status == ProgressStatus.CompletionRequested)
                {
                    completions.Add(new RequestLine(item.Number, item.Id, item.Task, part.Department, part.By, part.At, null, part.Note));
                }
            }

            if (item.Status == ProgressStatus.Closed)
            {
                closed++;
                continue;
            }

            blocked += item.Status == ProgressStatus.Blocked ? 1 : 0;
            var days = due is { } d ? d.DayNumber - today.DayNumber : 0;
            switch (Light(due, today, item.Status))
            {
                case DueLight.Red:
                    overdue.Add(new ItemLine(item.Number, item.Id, item.Task, item.Lead, due, -days, item.Status, last));
                    break;
                case DueLight.Yellow:
                    dueSoon.Add(new ItemLine(item.Number, item.Id, item.Task, item.Lead, due, days, item.Status, last));
                    break;
            }
        }

        return new MeetingSummary
        {
            MeetingId = meeting.Id,
            Title = meeting.Title,
            State = meeting.State,
            Today = today,
            Total = meeting.Items.Count,
            Closed = closed,
            Open = meeting.Items.Count - closed,
            Overdue = overdue.Count,
            DueSoon = dueSoon.Count,
            Blocked = blocked,
            Departments = [.. tallies
                .Select(p => new DepartmentTally(p.Key.Department, p.Key.Role, p.Value[0], p.Value[1], p.Value[2], p.Value[3]))
                .OrderByDescending(t => t.Overdue).ThenByDescending(t => t.DueSoon).ThenByDescending(t => t.Open)
                .ThenBy(t => t.Role).ThenBy(t => t.Department, StringComparer.Ordinal)],
            OverdueItems = [.. overdue.OrderByDescending(i => i.Days).ThenBy(i => i.Number ?? int.MaxValue)],
            DueSoonItems = [.. dueSoon.OrderBy(i => i.Days).ThenBy(i => i.Number ?? int.MaxValue)],
            LatestReports = [.. reports.OrderByDescending(r => r.At).ThenByDescending(r => r.Record, StringComparer.Ordinal)],
            PendingExtensions = [.. extensions.OrderBy(r => r.At).ThenBy(r => r.Number ?? int.MaxValue)],
            PendingCompletions = [.. completions.OrderBy(r => r.At).ThenBy(r => r.Number ?? int.MaxValue)],
        };
    }

    /// <summary>
    /// The counts of a meeting from its index header (<see cref="MeetingTotals"/>) as of <paramref name="today"/>: total,
    /// closed, open, overdue and due soon, by the same lights as <see cref="Summarise"/>; no lists.
    /// </summary>
    public static MeetingSummary FromTotals(MeetingEntry entry, MeetingTotals totals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(totals);
        var (overdue, dueSoon) = (0, 0);
        foreach (var due in totals.OpenDue)
        {
            switch (Light(due.Due, today, ProgressStatus.InProgress))
            {
                case DueLight.Red:
                    overdue += due.Items;
                    break;
                case DueLight.Yellow:
                    dueSoon += due.Items;
                    break;
            }
        }

        return new MeetingSummary
        {
            MeetingId = entry.Id,
            Title = entry.Title,
            State = entry.State,
            Today = today,
            Total = entry.Items,
            Closed = totals.Closed,
            Open = entry.Items - totals.Closed,
            Overdue = overdue,
            DueSoon = dueSoon,
        };
    }

    /// <summary>Red when an open part is past due, yellow when due within <see cref="ChecklistCard.DueSoonDays"/> days (the checklist's rule).</summary>
    public static DueLight Light(DateOnly? due, DateOnly today, ProgressStatus status)
    {
        if (due is not { } date || status == ProgressStatus.Closed)
        {
            return DueLight.None;
        }

        var days = date.DayNumber - today.DayNumber;
        return days < 0 ? DueLight.Red : days <= ChecklistCard.DueSoonDays ? DueLight.Yellow : DueLight.None;
    }

    /// <summary>The date in the meeting's time zone (the fallback zone when it names none or an unknown one).</summary>
    public static DateOnly TodayFor(MeetingDocument meeting, DateTimeOffset now, string fallbackTimeZone)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(meeting.TimeZone ?? fallbackTimeZone, out var found)
            ? found
            : TimeZoneInfo.TryFindSystemTimeZoneById(fallbackTimeZone, out var fallback) ? fallback : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    private static ReportLine? ReportOf(MeetingItem item, DepartmentProgress part) =>
        part is { By: { } by, At: { } at, Record: { } record }
            ? new ReportLine(item.Number, item.Id, item.Task, part.Department, by, at, part.Status, part.Percent, part.Note, record)
            : null;

    private static bool Later(ReportLine a, ReportLine b) =>
        a.At != b.At ? a.At > b.At : string.CompareOrdinal(a.Record, b.Record) > 0;
}

internal enum DueLight
{
    None,
    Yellow,
    Red,
}
