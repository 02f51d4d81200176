using System.Globalization;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Summaries;

namespace FollowUpBot.Bulletins;

/// <summary>The five sections of a progress bulletin (督办通报), in the order the document prints them.</summary>
internal enum BulletinSection
{
    /// <summary>已办结: the item is closed (every lead department's part approved by an organiser).</summary>
    Closed,

    /// <summary>按时推进: open, not past due, not blocked, its due date never moved.</summary>
    OnSchedule,

    /// <summary>逾期未办: open and past its current due date (the red list).</summary>
    Overdue,

    /// <summary>已延期: open, not past due, with an approved extension.</summary>
    Extended,

    /// <summary>受阻: open, not past due, and a lead department reports it blocked.</summary>
    Blocked,
}

/// <summary>A report as stored: which department, who, when (the activity's time), and what it said.</summary>
internal sealed record BulletinReport(string Department, Person By, DateTimeOffset At, ProgressStatus Status, int? Percent, string? Note);

/// <summary>One item as the bulletin lists it.</summary>
internal sealed record BulletinItem(
    int? Number,
    string ItemId,
    string Task,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Support,
    DateOnly? Due,
    DateOnly? OriginalDue,
    string? DeadlineText,
    BulletinSection Section,
    int DaysOverdue,
    BulletinReport? LatestReport);

/// <summary>
/// What a bulletin says about one meeting as of a day: the period it covers, its title, the organiser's
/// closing requirements, and every item placed in exactly one section (<see cref="BulletinRules.Place"/>).
/// </summary>
internal sealed record Bulletin
{
    public required string MeetingId { get; init; }

    public required string MeetingTitle { get; init; }

    public DateOnly? MeetingDate { get; init; }

    /// <summary>The document's title (the default one unless the organiser changed it).</summary>
    public required string Title { get; init; }

    /// <summary>First day of the period: reports before it are marked as not new.</summary>
    public DateOnly Since { get; init; }

    /// <summary>The day the bulletin is as of (the meeting's local date).</summary>
    public DateOnly Until { get; init; }

    /// <summary>The organiser's requirements (the closing paragraph), as typed; null for the default wording.</summary>
    public string? Requirements { get; init; }

    /// <summary>The meeting's time zone, in which report times are printed.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public required UiLocale Locale { get; init; }

    /// <summary>Every item of the meeting, by number.</summary>
    public IReadOnlyList<BulletinItem> Items { get; init; } = [];

    public IReadOnlyList<BulletinItem> In(BulletinSection section) => [.. Items.Where(i => i.Section == section)];

    public int Count(BulletinSection section) => Items.Count(i => i.Section == section);

    public int PercentClosed => Items.Count == 0 ? 0 : (int)Math.Floor(100.0 * Count(BulletinSection.Closed) / Items.Count);

    /// <summary>Every department the bulletin names (lead and supporting), in order of first mention.</summary>
    public IReadOnlyList<string> Departments => [.. Items.SelectMany(i => i.Lead.Concat(i.Support)).Distinct(StringComparer.Ordinal)];
}

/// <summary>Builds a <see cref="Bulletin"/> from a meeting's projection (one read of <c>meeting.json</c>).</summary>
internal static class BulletinRules
{
    public static readonly IReadOnlyList<BulletinSection> SectionOrder =
        [BulletinSection.Closed, BulletinSection.OnSchedule, BulletinSection.Overdue, BulletinSection.Extended, BulletinSection.Blocked];

    /// <summary>
    /// The one section of an item, by the first rule that holds: closed → 已办结; past its current due date →
    /// 逾期未办 (an overdue item stays on the red list whether or not it is blocked or was extended); a lead
    /// department reports it blocked → 受阻; an approved extension moved its due date → 已延期; otherwise → 按时推进
    /// (including items without a due date and completion requests awaiting approval).
    /// </summary>
    public static BulletinSection Place(MeetingItem item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Status == ProgressStatus.Closed)
        {
            return BulletinSection.Closed;
        }

        if (item.CurrentDue is { } due && due < today)
        {
            return BulletinSection.Overdue;
        }

        var leads = item.Departments.Where(d => d.Role == DepartmentRole.Lead).ToList();
        if (item.Status == ProgressStatus.Blocked || leads.Any(d => d.Status == ProgressStatus.Blocked))
        {
            return BulletinSection.Blocked;
        }

        return item.Extended is not null ? BulletinSection.Extended : BulletinSection.OnSchedule;
    }

    /// <summary>The default title: 关于《{meeting}》议定事项落实情况的通报 / Progress bulletin: {meeting}.</summary>
    public static string DefaultTitle(string meetingTitle, UiLocale locale) => Texts.Format(locale, "bulletin.defaultTitle", meetingTitle);

    /// <summary>The bulletin of <paramref name="meeting"/> as of <paramref name="until"/>, covering reports since <paramref name="since"/> (default: the meeting's date).</summary>
    public static Bulletin Build(MeetingDocument meeting, DateOnly until, UiLocale locale, TimeZoneInfo timeZone, DateOnly? since = null, string? title = null, string? requirements = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(timeZone);
        var items = meeting.Items
            .OrderBy(i => i.Number ?? int.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => Item(i, until))
            .ToList();
        var start = since ?? DefaultSince(meeting, until, timeZone);
        return new Bulletin
        {
            MeetingId = meeting.Id,
            MeetingTitle = meeting.Title,
            MeetingDate = meeting.MeetingDate,
            Title = string.IsNullOrWhiteSpace(title) ? DefaultTitle(meeting.Title, locale) : title.Trim(),
            Since = start > until ? until : start,
            Until = until,
            Requirements = string.IsNullOrWhiteSpace(requirements) ? null : requirements.Trim(),
            TimeZone = timeZone,
            Locale = locale,
            Items = items,
        };
    }

    /// <summary>The first day of a period nobody chose: the meeting's date, else the day it was published, else <paramref name="until"/>.</summary>
    public static DateOnly DefaultSince(MeetingDocument meeting, DateOnly until, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(timeZone);
        var start = meeting.MeetingDate ?? (meeting.PublishedAt is { } published ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(published, timeZone).DateTime) : until);
        return start > until ? until : start;
    }

    /// <summary>The meeting's time zone (the fallback when it names none or an unknown one).</summary>
    public static TimeZoneInfo ZoneOf(MeetingDocument meeting, string fallbackTimeZone)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return TimeZoneInfo.TryFindSystemTimeZoneById(meeting.TimeZone ?? fallbackTimeZone, out var found) ? found
            : TimeZoneInfo.TryFindSystemTimeZoneById(fallbackTimeZone, out var fallback) ? fallback : TimeZoneInfo.Utc;
    }

    /// <summary>A date as an official document writes it: 2026年12月10日 / 10 December 2026.</summary>
    public static string Date(DateOnly date, UiLocale locale) => locale == UiLocale.ZhCN
        ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日")
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A report's time in the meeting's zone: 2026年12月2日 11:30 / 2 December 2026 11:30.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone, UiLocale locale)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return Date(DateOnly.FromDateTime(local.DateTime), locale) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static BulletinItem Item(MeetingItem item, DateOnly today)
    {
        BulletinReport? latest = null;
        foreach (var part in item.Departments)
        {
            if (part is { By: { } by, At: { } at } && (latest is null || at > latest.At))
            {
                latest = new BulletinReport(part.Department, by, at, part.Status, part.Percent, part.Note);
            }
        }

        var section = Place(item, today);
        var days = section == BulletinSection.Overdue && item.CurrentDue is { } due ? today.DayNumber - due.DayNumber : 0;
        return new BulletinItem(item.Number, item.Id, item.Task, item.Lead, item.Support, item.CurrentDue, item.Extended is null ? null : item.Due,
            item.DeadlineText, section, days, latest);
    }
}
