using System.Globalization;
using FollowUpBot.Directives;

namespace FollowUpBot.Cli;

/// <summary>The options extract and eval share: meeting date, time zone and working-day calendar.</summary>
internal sealed record ExtractionSettings(DateOnly MeetingDate, TimeZoneInfo TimeZone, WorkingCalendar Calendar)
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    public static async Task<ExtractionSettings> FromArgsAsync(CliArgs args, TimeProvider time, CancellationToken cancellationToken)
    {
        var zoneId = args.Option("time-zone") ?? DefaultTimeZone;
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new CliUsageException($"--time-zone {zoneId} is not a known time zone.", e);
        }

        DateOnly date;
        var dateText = args.Option("meeting-date");
        if (dateText is null)
        {
            // The meeting is "today" where it took place, not where the command runs.
            date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        }
        else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            throw new CliUsageException($"--meeting-date {dateText} is not a YYYY-MM-DD date.");
        }

        var calendar = WorkingCalendar.Default;
        var calendarPath = args.Option("calendar");
        if (calendarPath is not null)
        {
            try
            {
                calendar = await WorkingCalendar.LoadAsync(calendarPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new CliUsageException($"--calendar {calendarPath}: {e.Message}", e);
            }
        }

        return new ExtractionSettings(date, zone, calendar);
    }
}
