using System.Globalization;
using Cronos;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;

namespace FollowUpBot.Reminders;

/// <summary>What a reminder digest is for; each kind has its own slots, so one of each can go out on a day.</summary>
internal enum ReminderKind
{
    /// <summary>The recurring nudge of the meeting's cron expression.</summary>
    Cron,

    /// <summary>Due-date reminders: N working days before due, on the due day, daily while overdue.</summary>
    Due,

    /// <summary>To organisers: items overdue for M working days, with the silence since the last report.</summary>
    Escalation,

    /// <summary>To organisers: contacts a reminder could not reach.</summary>
    Unreachable,
}

/// <summary>Quiet hours in local time, e.g. 20:00-08:00 (over midnight) or 12:00-13:30; <see cref="None"/> when empty.</summary>
internal readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours None => default;

    public bool IsNone => Start == End;

    public bool Contains(TimeOnly time) =>
        !IsNone && (Start < End ? time >= Start && time < End : time >= Start || time < End);

    public static bool TryParse(string? text, out QuietHours quietHours)
    {
        quietHours = None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return false;
        }

        quietHours = new QuietHours(start, end);
        return true;
    }

    public static QuietHours Parse(string? text) =>
        TryParse(text, out var quiet) ? quiet : throw new FormatException($"Quiet hours '{text}' are not HH:mm-HH:mm (e.g. 20:00-08:00).");
}

/// <summary>
/// The Reminders:* defaults a meeting's <see cref="ReminderPolicy"/> falls back to, and the meetings' default time
/// zone: the planner's input, made from <c>RemindersOptions</c> (where the default values are written).
/// </summary>
internal sealed record ReminderDefaults(string Cron, int DaysBeforeDue, int EscalateAfterDays, string? QuietHours, string TimeZone);

/// <summary>A meeting's policy with every field resolved and parsed.</summary>
internal sealed record ResolvedPolicy(CronExpression? Cron, int DaysBeforeDue, int EscalateAfterDays, QuietHours QuietHours)
{
    public static bool TryParseCron(string? text, out CronExpression? cron)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        // Five fields is classic cron; six adds seconds (tests use it for short runs).
        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(text, format, out cron);
    }

    public static ResolvedPolicy Resolve(ReminderPolicy? policy, ReminderDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var cronText = policy?.Cron ?? defaults.Cron;
        // A meeting whose stored policy no longer parses keeps the defaults rather than going silent.
        if (!TryParseCron(cronText, out var cron) && !TryParseCron(defaults.Cron, out cron))
        {
            cron = null;
        }

        if (!QuietHours.TryParse(policy?.QuietHours ?? defaults.QuietHours, out var quiet) && !QuietHours.TryParse(defaults.QuietHours, out quiet))
        {
            quiet = QuietHours.None;
        }

        return new ResolvedPolicy(
            cron,
            Math.Max(0, policy?.DaysBeforeDue ?? defaults.DaysBeforeDue),
            Math.Max(0, policy?.EscalateAfterDays ?? defaults.EscalateAfterDays),
            quiet);
    }
}

/// <summary>The time rules: when a reminder may be delivered, in local time, and how working days are counted.</summary>
internal static class ReminderTime
{
    /// <summary>
    /// The first moment at or after <paramref name="local"/> that is on a working day and outside quiet
    /// hours (a Saturday reminder moves to Monday at the end of the quiet hours, 08:00 by default).
    /// </summary>
    public static DateTime NextAllowed(DateTime local, QuietHours quiet, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var guard = 0; guard < 400; guard++)
        {
            var day = DateOnly.FromDateTime(local);
            if (!calendar.IsWorkingDay(day))
            {
                local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
                continue;
            }

            var time = TimeOnly.FromDateTime(local);
            if (!quiet.Contains(time))
            {
                return local;
            }

            // Inside quiet hours: jump to their end, today when it lies ahead, else tomorrow.
            local = time < quiet.End ? day.ToDateTime(quiet.End) : day.AddDays(1).ToDateTime(quiet.End);
        }

        throw new InvalidOperationException("The calendar has no working day within 400 days.");
    }

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="day"/>.</summary>
    public static DateOnly SubtractWorkingDays(WorkingCalendar calendar, DateOnly day, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (count > 0)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                count--;
            }
        }

        return day;
    }

    /// <summary>Working days strictly between the due date and <paramref name="today"/>: the days an item has stood overdue by this morning.</summary>
    public static int OverdueWorkingDays(WorkingCalendar calendar, DateOnly due, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var day = due.AddDays(1); day < today; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A local wall-clock time in <paramref name="zone"/> as an instant (a time skipped by a DST change moves on by the gap).</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
