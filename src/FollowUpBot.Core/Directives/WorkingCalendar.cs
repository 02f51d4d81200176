using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUpBot.Directives;

/// <summary>
/// Working days: Monday to Friday, minus public holidays, plus make-up working days (调休) that fall on weekends.
/// The file format is DESIGN.md's <c>FollowUp:CalendarPath</c>: <c>{"holidays": [...], "workdays": [...]}</c>.
/// </summary>
internal sealed class WorkingCalendar
{
    private const string EmbeddedName = "FollowUpBot.Directives.calendar-cn-2026.json";

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays)
    {
        _holidays = [.. holidays];
        _workdays = [.. workdays];
    }

    /// <summary>The calendar shipped with the library (China 2026, from the State Council notice).</summary>
    public static WorkingCalendar Default { get; } = LoadEmbedded();

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>The day <paramref name="count"/> working days after <paramref name="from"/> (which itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                count--;
            }
        }

        return day;
    }

    public static WorkingCalendar Parse(string json)
    {
        CalendarFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, DirectivesJsonContext.Default.CalendarFile);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The calendar is not valid JSON: {e.Message}", e);
        }

        if (file is null)
        {
            throw new FormatException("The calendar file is empty.");
        }

        return new WorkingCalendar(ParseDays(file.Holidays, "holidays"), ParseDays(file.Workdays, "workdays"));
    }

    public static async Task<WorkingCalendar> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));

    private static List<DateOnly> ParseDays(IReadOnlyList<string>? days, string field)
    {
        var result = new List<DateOnly>();
        foreach (var day in days ?? [])
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                throw new FormatException($"The calendar's {field} holds '{day}', which is not a yyyy-MM-dd date.");
            }

            result.Add(parsed);
        }

        return result;
    }

    private static WorkingCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The embedded calendar {EmbeddedName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal sealed record CalendarFile(
        [property: JsonPropertyName("holidays")] IReadOnlyList<string>? Holidays,
        [property: JsonPropertyName("workdays")] IReadOnlyList<string>? Workdays);
}
