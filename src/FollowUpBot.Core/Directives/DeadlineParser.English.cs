using System.Globalization;
using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>The English half of <see cref="DeadlineParser"/>: "by 31 March", "within 5 working days", "every month".</summary>
internal sealed partial class DeadlineParser
{
    private DeadlineMatch? FindEnglish(ReadOnlySpan<char> span, int start, DateOnly meetingDate)
    {
        // A bare "weekly" often describes a thing (weekly reports); an explicit "by …", "within …" or "every …" wins over it.
        DeadlineMatch? bare = null;
        foreach (var match in EnglishDeadline().EnumerateMatches(span))
        {
            var value = span.Slice(match.Index, match.Length).ToString().TrimEnd(',', '.', ' ');
            if (value.Contains('/') && !YearFirstDate().IsMatch(value) && AmountChange().IsMatch(span[..match.Index]))
            {
                continue;
            }

            var found = new DeadlineMatch(ResolveEnglish(value, meetingDate), start + match.Index, value.Length);
            // "weekly" alone and a date after "on" are weaker than an explicit "by …" in the same clause.
            var named = NamedDate().Match(value.ToLowerInvariant());
            // "(**April 2019**)" right after an action item is its due month, as explicit as "by April 2019".
            var bracketed = match.Index > 0 && (span[match.Index - 1] == '(' || span[..match.Index].EndsWith("(**"));
            if (bracketed || (!BareFrequency().IsMatch(value) && !char.IsAsciiDigit(value[0]) && !(named.Success && named.Index == 0)))
            {
                return found;
            }

            bare ??= found;
        }

        return bare;
    }

    private Deadline ResolveEnglish(string value, DateOnly meeting)
    {
        var lower = value.ToLowerInvariant();
        if (lower.Contains("ongoing", StringComparison.Ordinal) || lower.StartsWith("continuous", StringComparison.Ordinal))
        {
            return new Deadline(value, DeadlineKind.Standing, null, null);
        }

        var every = EnglishRecurring().Match(lower);
        if (every.Success)
        {
            var unit = every.Groups["u"].Value;
            var weekday = unit.EndsWith("day", StringComparison.Ordinal) && unit.Length > 3 && !unit.Contains(' ', StringComparison.Ordinal)
                ? Array.FindIndex(EnglishWeekdays, d => unit.StartsWith(d, StringComparison.Ordinal))
                : -1;
            (string? rule, DateOnly? due) = unit switch
            {
                _ when weekday >= 0 => ($"FREQ=WEEKLY;BYDAY={WeekdayCodes[weekday]}", NextWeekday(meeting, weekday)),
                "day" or "daily" => ("FREQ=DAILY", meeting),
                "working day" or "business day" => ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", meeting),
                "week" or "weekly" => ("FREQ=WEEKLY", null),
                "fortnight" or "fortnightly" => ("FREQ=WEEKLY;INTERVAL=2", null),
                "month" or "monthly" => ("FREQ=MONTHLY", null),
                "quarter" or "quarterly" => ("FREQ=MONTHLY;INTERVAL=3", null),
                "year" or "annually" or "yearly" => ("FREQ=YEARLY", null),
                _ => ((string?)null, (DateOnly?)null),
            };
            return new Deadline(value, DeadlineKind.Recurring, due, rule);
        }

        var within = EnglishWithin().Match(lower);
        if (within.Success)
        {
            var amount = EnglishNumber(within.Groups["n"].Value);
            var unit = within.Groups["u"].Value;
            var working = within.Groups["w"].Success;
            DateOnly due = unit switch
            {
                "day" when working => calendar.AddWorkingDays(meeting, amount),
                "day" => meeting.AddDays(amount),
                "hour" => meeting.AddDays((amount + 23) / 24),
                "week" => meeting.AddDays(7 * amount),
                "month" => meeting.AddMonths(amount),
                _ => meeting.AddYears(amount),
            };
            return new Deadline(value, DeadlineKind.Relative, due, null);
        }

        return new Deadline(value, DeadlineKind.Absolute, EnglishAbsolute(lower, meeting), null);
    }

    private static readonly string[] EnglishWeekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    private static readonly string[] EnglishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static DateOnly? EnglishAbsolute(string lower, DateOnly meeting)
    {
        var iso = IsoDate().Match(lower);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate))
        {
            return isoDate;
        }

        // "by 2027/3/1": a year first is followed by the month, then the day.
        var yearFirst = YearFirstDate().Match(lower);
        if (yearFirst.Success)
        {
            var year = int.Parse(yearFirst.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
            var month = int.Parse(yearFirst.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
            var day = int.Parse(yearFirst.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            return ValidDate(year, month, day);
        }

        var numeric = NumericDate().Match(lower);
        if (numeric.Success)
        {
            // Minutes written outside the US put the day first; a first number above 12 settles it either way.
            var a = int.Parse(numeric.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var b = int.Parse(numeric.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            var yy = numeric.Groups[3].Success ? int.Parse(numeric.Groups[3].ValueSpan, CultureInfo.InvariantCulture) : meeting.Year;
            var year = yy < 100 ? 2000 + yy : yy;
            var (day, month) = b > 12 ? (b, a) : (a, b);

            // "by 3/1" without a year is the next such day, not one already past.
            return ValidDate(year, month, day) is { } date && !numeric.Groups[3].Success && date < meeting ? date.AddYears(1) : ValidDate(year, month, day);
        }

        var named = NamedDate().Match(lower);
        if (named.Success && lower.Contains("mid", StringComparison.Ordinal) && !named.Groups["d1"].Success && !named.Groups["d2"].Success)
        {
            var midMonth = Array.FindIndex(EnglishMonths, m => named.Groups["m2"].Value.StartsWith(m, StringComparison.Ordinal)) + 1;
            var mid = new DateOnly(meeting.Year, midMonth, 15);
            return mid < meeting ? mid.AddYears(1) : mid;
        }

        if (named.Success)
        {
            var monthName = named.Groups["m1"].Success ? named.Groups["m1"].Value : named.Groups["m2"].Value;
            var month = Array.FindIndex(EnglishMonths, m => monthName.StartsWith(m, StringComparison.Ordinal)) + 1;
            var dayGroup = named.Groups["d1"].Success ? named.Groups["d1"] : named.Groups["d2"];
            var year = named.Groups["y"].Success ? int.Parse(named.Groups["y"].ValueSpan, CultureInfo.InvariantCulture) : meeting.Year;
            var last = DateTime.DaysInMonth(year, month);
            var day = dayGroup.Success ? Math.Min(last, int.Parse(dayGroup.ValueSpan, CultureInfo.InvariantCulture)) : last;
            var date = new DateOnly(year, month, day);
            return !named.Groups["y"].Success && date < meeting ? date.AddYears(1) : date;
        }

        var quarter = EnglishQuarter().Match(lower);
        if (quarter.Success)
        {
            var q = quarter.Groups[1].Value[0] - '0';
            return new DateOnly(meeting.Year, q * 3, 1).AddMonths(1).AddDays(-1);
        }

        if (lower.Contains("end of the year", StringComparison.Ordinal) || lower.Contains("end of year", StringComparison.Ordinal) || lower.Contains("year end", StringComparison.Ordinal) || lower.Contains("year-end", StringComparison.Ordinal))
        {
            return new DateOnly(meeting.Year, 12, 31);
        }

        if (lower.Contains("end of the month", StringComparison.Ordinal) || lower.Contains("end of month", StringComparison.Ordinal) || lower.Contains("month end", StringComparison.Ordinal) || lower.Contains("month-end", StringComparison.Ordinal))
        {
            return new DateOnly(meeting.Year, meeting.Month, 1).AddMonths(1).AddDays(-1);
        }

        if (lower.Contains("next week", StringComparison.Ordinal))
        {
            return meeting.AddDays(7 - (((int)meeting.DayOfWeek + 6) % 7) + 4);
        }

        if (lower.Contains("end of the week", StringComparison.Ordinal) || lower.Contains("end of week", StringComparison.Ordinal))
        {
            return NextWeekday(meeting, 5);
        }

        // "until Tuesday 9th": the day of the month says which Tuesday; the weekday alone means the coming one.
        var dayName = Weekday().Match(lower);
        var weekday = dayName.Success ? Array.IndexOf(EnglishWeekdays, dayName.Groups[1].Value) : -1;
        if (weekday >= 0 && !OrdinalDay().IsMatch(lower))
        {
            var next = NextWeekday(meeting.AddDays(1), weekday);
            return lower.Contains("next ", StringComparison.Ordinal) ? next.AddDays(7) : next;
        }

        if (lower.Contains("tomorrow", StringComparison.Ordinal))
        {
            return meeting.AddDays(1);
        }

        if (lower.Contains("eod", StringComparison.Ordinal) || lower.Contains("cob", StringComparison.Ordinal) || lower.Contains("end of day", StringComparison.Ordinal) || lower.Contains("end of the day", StringComparison.Ordinal))
        {
            return meeting;
        }

        var ordinal = OrdinalDay().Match(lower);
        if (ordinal.Success)
        {
            var day = int.Parse(ordinal.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            for (var month = new DateOnly(meeting.Year, meeting.Month, 1); month.Year <= meeting.Year + 1; month = month.AddMonths(1))
            {
                if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) >= meeting)
                {
                    return new DateOnly(month.Year, month.Month, day);
                }
            }
        }

        return null;
    }

    private static DateOnly? ValidDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int EnglishNumber(string word) => word switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "fourteen" => 14,
        "thirty" => 30,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1,
    };

    private const string Month = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(
        @"\b(?:(?:by|before|no later than|not later than|on or before|due(?: by)?:?|until)\s+(?:(?:close of business|cob|eod|noon|midday|the end of|end of)\s+(?:on\s+)?)?(?:the\s+)?(?:mid-?)?" +
        @"(?:\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}\b|(?!24/7\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b(?![/.]\d)|\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?" + Month + @")|eod|cob|end of (?:the )?day|(?:each|every)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"(?:\s+\d{4})?|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{4})?|" + Month + @"\s+(?:board\s+)?(?:meeting|session|review)|" + Month + @"(?:\s+\d{4})?" +
        @"|(?:next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)\b))?" +
        @"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))|next\s+[a-z][a-z-]+|go-live|launch|cutover|(?:the\s+)?(?:week|month|year|quarter|q[1-4])(?:\s+\d{4})?|tomorrow|end of (?:the )?(?:week|month|year|q[1-4]))(?:\s+deadline)?)" +
        @"|\b(?:within|in(?: the next)?)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty)\s+(?:working\s+|business\s+|calendar\s+)?(?:hours?|days?|weeks?|months?)\b" +
        @"|\b(?:every|each)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|working day|business day|day|week|fortnight|month|quarter|year)|\b(?:weekly|fortnightly|monthly|quarterly|daily|annually)\b" +
        @"|\bon an ongoing basis\b|\bongoing\b" +
        @"|\bduring\s+the\s+(?:fall|spring|summer|autumn|winter|first|second|third|fourth|next|current)\s+(?:term|semester|quarter|half|week|month)\b" +
        @"|(?<=\bat\s)the\s+(?:next|" + Month + @")\s+(?:[a-z]+\s+)?(?:meeting|session|board|review|sync)\b" +
        @"|(?<=\((?:\*\*)?)" + Month + @"\s+\d{4}(?=(?:\*\*)?\))" +
        @"|(?<=\bon\s)(?:\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"(?:\s+\d{4})?|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{4})?)\b" +
        // A date alone in a table's cell (| 15 May 2026 |, a Due column, or the due cell read on its own): the row's deadline.
        @"|(?<=(?:^|\||\t)[ ]*)(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"(?:\s+\d{4})?|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)(?=[ ]*(?:\||\t|$))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishDeadline();

    [GeneratedRegex(@"(?:every|each)\s+(?<u>(?:mon|tues|wednes|thurs|fri|satur|sun)day|working day|business day|day|week|fortnight|month|quarter|year)|(?<u>weekly|fortnightly|monthly|quarterly|daily|annually)", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishRecurring();

    [GeneratedRegex(@"(?:within|in(?: the next)?)\s+(?<n>\S+)\s+(?:(?<w>working|business)\s+|calendar\s+)?(?<u>hour|day|week|month|year)", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWithin();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirstDate();

    // "cut the backlog by 1/2", "increase capacity by 2/3": after a change of amount, "by" and a slash give a fraction.
    [GeneratedRegex(@"\b(?:reduc|cut|increas|decreas|lower|rais|grow|grew|shrink|shrank|drop|improv|expand|scal|halv|doubl|trim|sav)\w*\b[^.;:]{0,40}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AmountChange();

    [GeneratedRegex(@"(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>" + Month + @")|(?<m2>" + Month + @")(?:\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?(?!\d))?)(?:,?\s+(?<y>\d{4}))?", RegexOptions.CultureInvariant)]
    private static partial Regex NamedDate();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"q([1-4])", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishQuarter();
}
