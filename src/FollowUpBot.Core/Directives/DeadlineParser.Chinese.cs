using System.Globalization;
using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>The Chinese half of <see cref="DeadlineParser"/>: 6月底前, 5个工作日内, 每月10日前, 长期.</summary>
internal sealed partial class DeadlineParser
{
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

    private static bool IsFalseChinese(ReadOnlySpan<char> span, int index, int length, string value)
    {
        var after = index + length < span.Length ? span[index + length] : '\0';
        if (value == "长期" && after == '以')
        {
            return true;
        }

        // "3/1前" is the first of March; "24/7前" or "13/40前" is no date.
        if (SlashDate().Match(value) is { Success: true } slash && SlashDateValue(slash, 2000) is null)
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

        // 2027/3/1前, 3/1前: a slash date in Chinese text puts the month first.
        if (SlashDate().Match(text) is { Success: true } slash)
        {
            var date = SlashDateValue(slash, year);
            return date is { } d && !slash.Groups["y"].Success && d < meeting ? d.AddYears(1) : date;
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

    [GeneratedRegex(
        @"每(?:[两二三四五六]|个)?(?:个)?(?:工作日|月|周|星期|季度|半年|年|天|日)(?:[0-9一二三四五六七八九十]{1,3}月)?(?:[0-9一二三四五六七八九十]{1,3}[日号]|[一二三四五六日天](?![0-9一二三四五六七八九十])|底|末|初)?(?:前|之前)?" +
        @"|每学期(?:开学)?(?:第[一二三四]周|初|末)?|(?:开学|放假|入汛|汛期?|节|会|春运|竣工|验收)前" +
        @"|长期|常态化" +
        @"|(?<![0-9./])(?:20[0-9]{2}/)?[0-9]{1,2}/[0-9]{1,2}(?![0-9./])(?:前|之前|以前)" +
        @"|(?:(?:收到|接到)[\u4E00-\u9FFF]{0,6}?后|(?:本)?通知(?:印发|下发)后|会后)?(?:[0-9]{1,3}|[一二三四五六七八九十两半]{1,3})(?:个)?(?:工作日|日|天|周|星期|个月|月|年)(?:内|之内|以内)" +
        @"|(?:(?:20[0-9]{2}|明|今|本)年)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9]{1,2}[日号]|底|末|中旬|上旬|下旬|份|初)?(?:[（(](?:星期|周)[一二三四五六日天][）)])?(?:上午|下午|中午|晚上)?(?:下班前|[0-9]{1,2}[:：][0-9]{2}前|[0-9]{1,2}时前|前|之前|以前|为止|止)" +
        @"|20[0-9]{2}年(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末)" +
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

    [GeneratedRegex(@"^(?:(?<y>20[0-9]{2})/)?(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();

    private static DateOnly? SlashDateValue(Match slash, int defaultYear)
    {
        var year = slash.Groups["y"].Success ? int.Parse(slash.Groups["y"].ValueSpan, CultureInfo.InvariantCulture) : defaultYear;
        var month = int.Parse(slash.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(slash.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

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
}
