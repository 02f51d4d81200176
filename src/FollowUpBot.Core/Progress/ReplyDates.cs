using System.Globalization;
using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

/// <summary>A date written in a reply, resolved against today.</summary>
internal sealed record DateMention(int Start, int Length, DateOnly Value);

/// <summary>
/// Finds dates in a reply: 2026-12-20, 2026年12月20日, 10月20日, 9月底, 年底, 12/20, 20 December,
/// Dec 20, end of September, next Friday, 下周五, tomorrow. A date without a year is the next such
/// date from today on, since the dates the parser resolves (new due dates) lie in the future.
/// </summary>
internal static partial class ReplyDates
{
    private const int TimeoutMs = 1000;

    public static IReadOnlyList<DateMention> Find(string folded, DateOnly today)
    {
        var found = new List<DateMention>();
        foreach (Match m in DatePattern().Matches(folded))
        {
            if (Resolve(m, today) is { } date)
            {
                found.Add(new DateMention(m.Index, m.Length, date));
            }
        }

        return found;
    }

    private static DateOnly? Resolve(Match m, DateOnly today)
    {
        var g = m.Groups;
        if (g["ymd"].Success)
        {
            return Make(Number(g["y"]), Number(g["m"]), Number(g["d"]));
        }

        if (g["md"].Success)
        {
            return Upcoming(today, g["y"].Success ? Number(g["y"]) : null, Number(g["m"]), Number(g["d"]), g["nextyear"].Success);
        }

        if (g["mpart"].Success)
        {
            var month = Number(g["m"]);
            if (month is not (>= 1 and <= 12))
            {
                return null;
            }

            var year = g["y"].Success ? Number(g["y"]) : (g["nextyear"].Success ? today.Year + 1 : today.Year);
            if (year is null)
            {
                return null;
            }

            var last = DateTime.DaysInMonth(year.Value, month.Value);
            var day = g["part"].Value switch
            {
                "上旬" or "初" or "early" or "beginning of" or "start of" => 10,
                "中旬" or "中" => 20,
                "mid" or "middle of" => 15,
                _ => last,
            };
            var date = new DateOnly(year.Value, month.Value, Math.Min(day, last));
            return !g["y"].Success && !g["nextyear"].Success && date < today ? date.AddYears(1) : date;
        }

        if (g["yearend"].Success)
        {
            return new DateOnly(today.Year + (g["nextyear"].Success ? 1 : 0), 12, 31);
        }

        if (g["monthend"].Success)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(g["nextmonth"].Success ? 1 : 0);
            return first.AddMonths(1).AddDays(-1);
        }

        if (g["weekday"].Success)
        {
            var wanted = Weekday(g["wd"].Value);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            if (g["nextweek"].Success)
            {
                return monday.AddDays(7 + wanted);
            }

            var thisWeek = monday.AddDays(wanted);
            return thisWeek >= today ? thisWeek : thisWeek.AddDays(7);
        }

        if (g["tomorrow"].Success)
        {
            return today.AddDays(1);
        }

        if (g["dayafter"].Success)
        {
            return today.AddDays(2);
        }

        return null;
    }

    private static DateOnly? Upcoming(DateOnly today, int? year, int? month, int? day, bool nextYear)
    {
        if (year is not null)
        {
            return Make(year, month, day);
        }

        var date = Make(today.Year + (nextYear ? 1 : 0), month, day);
        if (date is { } d && !nextYear && d < today)
        {
            return Make(today.Year + 1, month, day);
        }

        // 2-29 of a year that has none: the next year that has one is too far to be meant.
        return date;
    }

    private static DateOnly? Make(int? year, int? month, int? day) =>
        year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day is >= 1 && day <= DateTime.DaysInMonth(year.Value, month.Value)
            ? new DateOnly(year.Value, month.Value, day.Value)
            : null;

    private static int? Number(Group group)
    {
        if (!group.Success)
        {
            return null;
        }

        var text = group.ValueSpan;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        return MonthName(text) ?? ReplyText.ParseChineseNumber(text);
    }

    private static int? MonthName(ReadOnlySpan<char> text) => text.Length < 3 ? null : text[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => null,
    };

    /// <summary>Days after Monday.</summary>
    private static int Weekday(string text) => text switch
    {
        "一" or "monday" or "mon" => 0,
        "二" or "tuesday" or "tue" => 1,
        "三" or "wednesday" or "wed" => 2,
        "四" or "thursday" or "thu" => 3,
        "五" or "friday" or "fri" => 4,
        "六" or "saturday" or "sat" => 5,
        _ => 6,
    };

    // One alternation, tried left to right at each position, so the longest written form wins
    // (2026年12月20日 before 12月20日, "20 December 2026" before "December").
    [GeneratedRegex(
        """
        (?<ymd>(?<y>20\d\d)\s*(?:[-/.]|年)\s*(?<m>\d{1,2})\s*(?:[-/.]|月)\s*(?<d>\d{1,2})\s*[日号]?(?!\d))
        |(?<md>(?:(?<y>20\d\d)\s*年|(?<nextyear>明年))?\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])
        |(?<mpart>(?:(?<y>20\d\d)\s*年|(?<nextyear>明年)|今年)?\s*(?<m>\d{1,2}|十[一二]|[一二三四五六七八九十])\s*月(?:份)?\s*(?<part>底|末|上旬|中旬|下旬|初|中)?)
        |(?<yearend>(?:(?<nextyear>明年)|今年|本年)?\s*(?:年底|年末|年终|年内))
        |(?<monthend>(?:(?<nextmonth>下个?月)|本月|当月|这个月)?\s*(?:月底|月末))
        |(?<weekday>(?:(?<nextweek>下个?(?:周|星期|礼拜))|(?:本|这个?)(?:周|星期|礼拜)|周|星期|礼拜)(?<wd>[一二三四五六日天]))
        |(?<md>(?<m>\d{1,2})/(?<d>\d{1,2})(?:/(?<y>20\d\d))?(?![\d/]))
        |(?<md>(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:,?\s*(?<y>20\d\d))?)
        |(?<mpart>(?:(?<part>end\s+of|the\s+end\s+of|beginning\s+of|start\s+of|early|mid|middle\s+of|late)[\s-]+)?\b(?<m>january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?!\s*\d{1,2}\b)(?:,?\s*(?<y>20\d\d))?)
        |(?<md>\b(?<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(?<y>20\d\d))?)
        |(?<yearend>\b(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?year|year[\s-]end|(?<nextyear>end\s+of\s+next\s+year)))
        |(?<monthend>\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|end\s+of\s+(?<nextmonth>next\s+month))
        |(?<weekday>\b(?:(?<nextweek>next)\s+|this\s+|on\s+|by\s+)(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b)
        |(?<weekday>(?<=\b(?:until|till|to)\s+)(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)
        |(?<tomorrow>明天|明日|\btomorrow\b)
        |(?<dayafter>后天|day\s+after\s+tomorrow)
        """,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex DatePattern();
}
