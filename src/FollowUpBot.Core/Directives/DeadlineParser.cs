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

    private DeadlineMatch? FindChinese(ReadOnlySpan<char> span, int start, DateOnly meetingDate)
    {
        foreach (var match in ChineseDeadline().EnumerateMatches(span))
        {
            var value = span.Slice(match.Index, match.Length).ToString();
            if (IsFalseChinese(span, match.Index, match.Length, value))
            {
                continue;
            }

            return new DeadlineMatch(ResolveChinese(value, meetingDate), start + match.Index, match.Length);
        }

        return null;
    }

    private DeadlineMatch? FindEnglish(ReadOnlySpan<char> span, int start, DateOnly meetingDate)
    {
        // A bare "weekly" often describes a thing (weekly reports); an explicit "by …", "within …" or "every …" wins over it.
        DeadlineMatch? bare = null;
        foreach (var match in EnglishDeadline().EnumerateMatches(span))
        {
            var value = span.Slice(match.Index, match.Length).ToString().TrimEnd(',', '.', ' ');
            var found = new DeadlineMatch(ResolveEnglish(value, meetingDate), start + match.Index, value.Length);
            // "weekly" alone and a date after "on" are weaker than an explicit "by …" in the same clause.
            var named = NamedDate().Match(value.ToLowerInvariant());
            if (!BareFrequency().IsMatch(value) && !char.IsAsciiDigit(value[0]) && !(named.Success && named.Index == 0))
            {
                return found;
            }

            bare ??= found;
        }

        return bare;
    }

    private static bool IsFalseChinese(ReadOnlySpan<char> span, int index, int length, string value)
    {
        var after = index + length < span.Length ? span[index + length] : '\0';
        if (value == "长期" && after == '以')
        {
            return true;
        }

        // A bare date is a deadline only after 于/在/截至/到 (于9月30日报送); otherwise it dates an event.
        if (BareDate().IsMatch(value))
        {
            var before = index > 0 ? span[index - 1] : '\0';
            var before2 = index > 1 ? span.Slice(index - 2, 2) : [];
            return !(before is '于' or '到' or '至' || before2.SequenceEqual("截至") || before2.SequenceEqual("截止"));
        }

        return false;
    }

    private Deadline ResolveChinese(string value, DateOnly meeting)
    {
        var text = Normalize(value);
        if (text is "长期" or "常态化" || text.StartsWith("长期", StringComparison.Ordinal))
        {
            return new Deadline(value, DeadlineKind.Standing, null, null);
        }

        if (text.StartsWith('每'))
        {
            var (rule, due) = ChineseRecurrence(text, meeting);
            return new Deadline(value, DeadlineKind.Recurring, due, rule);
        }

        var relative = ChineseRelative().Match(text);
        if (relative.Success)
        {
            var amount = relative.Groups["n"].Value == "半" ? 0 : ChineseNumerals.Parse(relative.Groups["n"].ValueSpan) ?? 0;
            var unit = relative.Groups["u"].Value;
            DateOnly? due = unit switch
            {
                "工作日" => calendar.AddWorkingDays(meeting, amount),
                "日" or "天" => meeting.AddDays(amount),
                "周" or "星期" => meeting.AddDays(7 * amount),
                "个月" or "月" => amount == 0 ? meeting.AddDays(15) : meeting.AddMonths(amount),
                "年" => amount == 0 ? meeting.AddMonths(6) : meeting.AddYears(amount),
                _ => null,
            };
            return new Deadline(value, DeadlineKind.Relative, due, null);
        }

        return new Deadline(value, DeadlineKind.Absolute, ChineseAbsolute(text, meeting), null);
    }

    private static DateOnly? ChineseAbsolute(string text, DateOnly meeting)
    {
        var year = meeting.Year;
        var explicitYear = false;
        var y = ExplicitYear().Match(text);
        if (y.Success)
        {
            year = int.Parse(y.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            explicitYear = true;
        }
        else if (text.StartsWith("明年", StringComparison.Ordinal))
        {
            year++;
            explicitYear = true;
        }

        var md = MonthDay().Match(text);
        if (md.Success)
        {
            var month = ChineseNumerals.Parse(md.Groups["m"].ValueSpan) ?? 0;
            if (month is < 1 or > 12)
            {
                return null;
            }

            var dayText = md.Groups["d"].Value;
            var last = DateTime.DaysInMonth(year, month);
            var day = dayText switch
            {
                "" or "底" or "末" or "下旬" or "份" => last,
                "中旬" => 20,
                "上旬" => 10,
                "初" => 5,
                _ => Math.Min(last, ChineseNumerals.Parse(dayText.AsSpan().TrimEnd("日号")) ?? last),
            };
            var date = new DateOnly(year, month, Math.Max(1, day));
            return !explicitYear && date < meeting ? date.AddYears(1) : date;
        }

        if (text.Contains("年底", StringComparison.Ordinal) || text.Contains("年末", StringComparison.Ordinal) || text.Contains("年内", StringComparison.Ordinal) || text.Contains("下半年", StringComparison.Ordinal))
        {
            return new DateOnly(year, 12, 31);
        }

        if (text.Contains("上半年", StringComparison.Ordinal))
        {
            return new DateOnly(year, 6, 30);
        }

        var quarter = Quarter().Match(text);
        if (quarter.Success)
        {
            var q = ChineseNumerals.Parse(quarter.Groups[1].ValueSpan) ?? 4;
            var end = new DateOnly(year, Math.Clamp(q, 1, 4) * 3, 1);
            return end.AddMonths(1).AddDays(-1);
        }

        var holiday = FixedHoliday(text, year);
        if (holiday is not null)
        {
            return !explicitYear && holiday < meeting ? holiday.Value.AddYears(1) : holiday;
        }

        if (text.EndsWith("周内", StringComparison.Ordinal))
        {
            // The working week ends on Friday.
            var friday = meeting.AddDays(5 - (((int)meeting.DayOfWeek + 6) % 7) - 1);
            return text.StartsWith('下') ? friday.AddDays(7) : friday;
        }

        if (text.Contains("月底", StringComparison.Ordinal) || text.Contains("月末", StringComparison.Ordinal) || text.EndsWith("月内", StringComparison.Ordinal))
        {
            var month = new DateOnly(meeting.Year, meeting.Month, 1);
            if (text.StartsWith('下'))
            {
                month = month.AddMonths(1);
            }

            return month.AddMonths(1).AddDays(-1);
        }

        var week = WeekdayPhrase().Match(text);
        if (week.Success)
        {
            var target = WeekdayIndex(week.Groups["d"].Value[0]);
            var monday = meeting.AddDays(-(((int)meeting.DayOfWeek + 6) % 7));
            var date = monday.AddDays((target + 6) % 7);
            return week.Groups["w"].Value == "下" ? date.AddDays(7) : date;
        }

        return null;
    }

    /// <summary>Holidays on fixed solar dates; lunar ones (春节, 端午, 中秋) keep their wording with no date.</summary>
    private static DateOnly? FixedHoliday(string text, int year)
    {
        if (text.Contains("元旦", StringComparison.Ordinal))
        {
            return new DateOnly(year + 1, 1, 1);
        }

        if (text.Contains("五一", StringComparison.Ordinal) || text.Contains("劳动节", StringComparison.Ordinal))
        {
            return new DateOnly(year, 5, 1);
        }

        return text.Contains("国庆", StringComparison.Ordinal) ? new DateOnly(year, 10, 1) : null;
    }

    private static (string? Rule, DateOnly? Due) ChineseRecurrence(string text, DateOnly meeting)
    {
        var weekly = RecurringWeekday().Match(text);
        if (weekly.Success)
        {
            var target = WeekdayIndex(weekly.Groups[1].Value[0]);
            return ($"FREQ=WEEKLY;BYDAY={WeekdayCodes[target]}", NextWeekday(meeting, target));
        }

        var monthly = RecurringMonthDay().Match(text);
        if (monthly.Success)
        {
            var day = monthly.Groups["d"].Value is "底" or "末" ? -1 : ChineseNumerals.Parse(monthly.Groups["d"].ValueSpan) ?? 1;
            return ($"FREQ=MONTHLY;BYMONTHDAY={day.ToString(CultureInfo.InvariantCulture)}", NextMonthDay(meeting, day));
        }

        if (text.StartsWith("每季度", StringComparison.Ordinal) || text.StartsWith("每个季度", StringComparison.Ordinal))
        {
            return text.Contains('末') || text.Contains('底')
                ? ("FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", NextQuarterEnd(meeting))
                : ("FREQ=MONTHLY;INTERVAL=3", null);
        }

        var every = EveryN().Match(text);
        if (every.Success)
        {
            var n = ChineseNumerals.Parse(every.Groups["n"].ValueSpan) ?? 2;
            var frequency = every.Groups["u"].Value is "周" or "星期" ? "WEEKLY" : every.Groups["u"].Value is "天" or "日" ? "DAILY" : "MONTHLY";
            return (string.Create(CultureInfo.InvariantCulture, $"FREQ={frequency};INTERVAL={n}"), null);
        }

        if (text.StartsWith("每半年", StringComparison.Ordinal))
        {
            return ("FREQ=MONTHLY;INTERVAL=6", null);
        }

        if (text.StartsWith("每年", StringComparison.Ordinal))
        {
            var md = MonthDay().Match(text);
            if (md.Success && ChineseNumerals.Parse(md.Groups["m"].ValueSpan) is int month and >= 1 and <= 12)
            {
                var day = md.Groups["d"].Value is "" or "底" or "末" ? -1 : ChineseNumerals.Parse(md.Groups["d"].ValueSpan.TrimEnd("日号")) ?? -1;
                return ($"FREQ=YEARLY;BYMONTH={month.ToString(CultureInfo.InvariantCulture)};BYMONTHDAY={day.ToString(CultureInfo.InvariantCulture)}", null);
            }

            return ("FREQ=YEARLY", null);
        }

        if (text.StartsWith("每个工作日", StringComparison.Ordinal))
        {
            return ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", meeting);
        }

        if (text.StartsWith("每天", StringComparison.Ordinal) || text.StartsWith("每日", StringComparison.Ordinal))
        {
            return ("FREQ=DAILY", meeting);
        }

        if (text.StartsWith("每月", StringComparison.Ordinal) || text.StartsWith("每个月", StringComparison.Ordinal))
        {
            return ("FREQ=MONTHLY", null);
        }

        return text.StartsWith("每周", StringComparison.Ordinal) || text.StartsWith("每星期", StringComparison.Ordinal) ? ("FREQ=WEEKLY", null) : (null, null);
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

        var numeric = NumericDate().Match(lower);
        if (numeric.Success)
        {
            // Minutes written outside the US put the day first; a first number above 12 settles it either way.
            var a = int.Parse(numeric.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            var b = int.Parse(numeric.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            var yy = numeric.Groups[3].Success ? int.Parse(numeric.Groups[3].ValueSpan, CultureInfo.InvariantCulture) : meeting.Year;
            var year = yy < 100 ? 2000 + yy : yy;
            var (day, month) = b > 12 ? (b, a) : (a, b);
            return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
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

        var dayName = Weekday().Match(lower);
        var weekday = dayName.Success ? Array.IndexOf(EnglishWeekdays, dayName.Groups[1].Value) : -1;
        if (weekday >= 0)
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

    [GeneratedRegex(
        @"每(?:[两二三四五六]|个)?(?:个)?(?:工作日|月|周|星期|季度|半年|年|天|日)(?:[0-9一二三四五六七八九十]{1,3}月)?(?:[0-9一二三四五六七八九十]{1,3}[日号]|[一二三四五六日天](?![0-9一二三四五六七八九十])|底|末|初)?(?:前|之前)?" +
        @"|每学期(?:开学)?(?:第[一二三四]周|初|末)?|(?:开学|放假|入汛|汛期?|节|会|春运|竣工|验收)前" +
        @"|长期|常态化" +
        @"|(?:(?:收到|接到)[\u4E00-\u9FFF]{0,6}?后|(?:本)?通知(?:印发|下发)后|会后)?(?:[0-9]{1,3}|[一二三四五六七八九十两半]{1,3})(?:个)?(?:工作日|日|天|周|星期|个月|月|年)(?:内|之内|以内)" +
        @"|(?:(?:20[0-9]{2}|明|今|本)年)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9]{1,2}[日号]|底|末|中旬|上旬|下旬|份|初)?(?:[（(](?:星期|周)[一二三四五六日天][）)])?(?:上午|下午|中午|晚上)?(?:下班前|[0-9]{1,2}[:：][0-9]{2}前|[0-9]{1,2}时前|前|之前|以前|为止|止)" +
        @"|(?:20[0-9]{2}年)?[0-9]{1,2}月[0-9]{1,2}[日号]" +
        @"|(?:20[0-9]{2}|今|明|本)?年(?:底|末)(?:前|之前)?|(?:今|明|本)?年内|(?:本|下)?月(?:底|末)(?:前|之前)|(?:本|下)(?:周|星期)[一二三四五六日天](?:前|之前|下班前)|(?:本|下)(?:周|月)内" +
        @"|(?:(?:20[0-9]{2}|今|明)年)?(?:春节|元旦|清明节?|五一|劳动节|端午节?|中秋节?|国庆节?)(?:假期)?(?:前|之前)" +
        @"|(?:(?:今|明)年)?(?:上|下)半年(?:前|内|底前)?|(?:第)?[一二三四1-4]季度(?:末|底)?(?:前|内|之前)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDeadline();

    [GeneratedRegex(@"^(?:weekly|fortnightly|monthly|quarterly|daily|annually)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareFrequency();

    [GeneratedRegex(@"^(?:20[0-9]{2}年)?[0-9]{1,2}月[0-9]{1,2}[日号]$", RegexOptions.CultureInvariant)]
    private static partial Regex BareDate();

    [GeneratedRegex(@"(?<n>[0-9]+|[一二三四五六七八九十两半]+)(?:个)?(?<u>工作日|日|天|周|星期|个月|月|年)(?:内|之内|以内)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseRelative();

    [GeneratedRegex(@"(20[0-9]{2})年", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitYear();

    [GeneratedRegex(@"(?<m>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?<d>[0-9]{1,2}[日号]|[一二三四五六七八九十]{1,3}[日号]|底|末|中旬|上旬|下旬|份|初)?", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"([一二三四1-4])季度", RegexOptions.CultureInvariant)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?<w>本|下)(?:周|星期)(?<d>[一二三四五六日天])", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayPhrase();

    [GeneratedRegex(@"^每(?<n>[两二三四五六])(?:个)?(?<u>周|星期|月|天|日)", RegexOptions.CultureInvariant)]
    private static partial Regex EveryN();

    [GeneratedRegex(@"^每(?:个)?(?:周|星期)([一二三四五六日天])", RegexOptions.CultureInvariant)]
    private static partial Regex RecurringWeekday();

    [GeneratedRegex(@"^每(?:个)?月(?<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3}|底|末)", RegexOptions.CultureInvariant)]
    private static partial Regex RecurringMonthDay();

    private const string Month = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    [GeneratedRegex(
        @"\b(?:(?:by|before|no later than|not later than|on or before|due(?: by)?:?|until)\s+(?:(?:close of business|cob|eod|noon|midday|the end of|end of)\s+(?:on\s+)?)?(?:the\s+)?(?:mid-?)?" +
        @"(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?" + Month + @")|eod|cob|end of (?:the )?day|(?:each|every)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"(?:\s+\d{4})?|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|" + Month + @"\s+(?:board\s+)?(?:meeting|session|review)|" + Month + @"(?:\s+\d{4})?" +
        @"|(?:next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?))?|next\s+[a-z][a-z-]+|go-live|launch|cutover|(?:the\s+)?(?:week|month|year|quarter|q[1-4])(?:\s+\d{4})?|tomorrow|end of (?:the )?(?:week|month|year|q[1-4]))(?:\s+deadline)?)" +
        @"|\b(?:within|in(?: the next)?)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty)\s+(?:working\s+|business\s+|calendar\s+)?(?:hours?|days?|weeks?|months?)\b" +
        @"|\b(?:every|each)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|working day|business day|day|week|fortnight|month|quarter|year)|\b(?:weekly|fortnightly|monthly|quarterly|daily|annually)\b" +
        @"|\bon an ongoing basis\b|\bongoing\b" +
        @"|\bduring\s+the\s+(?:fall|spring|summer|autumn|winter|first|second|third|fourth|next|current)\s+(?:term|semester|quarter|half|week|month)\b" +
        @"|(?<=\bat\s)the\s+(?:next|" + Month + @")\s+(?:[a-z]+\s+)?(?:meeting|session|board|review|sync)\b" +
        @"|(?<=\bon\s)(?:\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"(?:\s+\d{4})?|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\b",
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

    [GeneratedRegex(@"(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>" + Month + @")|(?<m2>" + Month + @")(?:\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)?)(?:,?\s+(?<y>\d{4}))?", RegexOptions.CultureInvariant)]
    private static partial Regex NamedDate();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"q([1-4])", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishQuarter();
}
