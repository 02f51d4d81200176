using System.Globalization;
using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>A deadline found in a directive, with where it stands in the text.</summary>
internal sealed record DeadlineMatch(Deadline Deadline, int Start, int Length);

/// <summary>
/// Finds the time constraint of a clause (Chinese or English) and resolves it against the meeting date:
/// absolute dates, relative spans (working days from a <see cref="WorkingCalendar"/>), recurrences as RRULEs, standing duties.
/// </summary>
internal sealed partial class DeadlineParser(WorkingCalendar calendar)
{
    private const string CnNum = "[0-9０-９一二三四五六七八九十两]";

    private static readonly string[] WeekdayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public DeadlineMatch? Find(string text, int start, int end, DateOnly meetingDate, bool english = false)
    {
        var span = text.AsSpan(start, end - start);
        return english ? FindEnglish(span, start, meetingDate) : FindChinese(span, start, meetingDate) ?? FindEnglish(span, start, meetingDate);
    }

    private static int WeekdayIndex(char c) => c switch
    {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        _ => 0,
    };

    private static DateOnly NextWeekday(DateOnly from, int weekday) => from.AddDays(((weekday - (int)from.DayOfWeek) + 7) % 7);

    private static DateOnly NextMonthDay(DateOnly from, int day)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); ; month = month.AddMonths(1))
        {
            var last = DateTime.DaysInMonth(month.Year, month.Month);
            var date = new DateOnly(month.Year, month.Month, day < 0 ? last : Math.Min(day, last));
            if (date >= from)
            {
                return date;
            }
        }
    }

    private static DateOnly NextQuarterEnd(DateOnly from)
    {
        var month = ((from.Month - 1) / 3 * 3) + 3;
        return new DateOnly(from.Year, month, 1).AddMonths(1).AddDays(-1);
    }

    private static string Normalize(string value) => value.Replace('（', '(').Replace('）', ')');
}
