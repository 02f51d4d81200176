using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

/// <summary>One place where a reply names an item.</summary>
/// <param name="Number">The item number.</param>
/// <param name="Start">Index of the marker in the text.</param>
/// <param name="Length">Length of the marker.</param>
/// <param name="Style">How it is written; list markers further down the text count only in the same style.</param>
internal sealed record ItemMarker(int Number, int Start, int Length, string Style);

/// <summary>
/// Finds item numbers. Only a marker at the start of the reply (a number, 第N项, #N, item N, 事项N,
/// (N), N、…) or an explicit 第N项 / item N / #N / 事项N anywhere names an item; numbers inside
/// names and quantities (第一实验幼儿园, 35KV, 2号楼, 3个乡镇, 2026年, "3 villages") do not, nor does a
/// reference to an issue or pull request ("fixed via #84", "done in #12", "blocked until issue #547 is fixed", "not closing #56",
/// "this fix solves #47", "integrate #484", "with #79", 用 #144 跟踪), nor a chapter (17章翻译完成).
/// </summary>
internal static partial class ReplyItemMarkers
{
    private const int TimeoutMs = 1000;

    // Characters that make a number written right before them a quantity, a date or a name, not an item number.
    private const string UnitChars = "个号年月日万亿元千百十项所家座栋名人次条公米吨户村镇乡天周台套批期级类处份篇场起宗笔块亩平间辆只位张本件届时分秒岁层成倍季点幢部门组支棵株头箱袋斤度轮课节章";

    // After "3 " only the common measure words still make a quantity: "2 本月已完成" is item 2.
    private const string SpacedUnitChars = "个号年月日万亿元千百项所家座栋名人次条户村镇乡天周台套批件届岁公米吨亩";

    // English words that may follow "3 " when 3 is an item number ("3 done", "3 in progress", "3 we have…").
    private static readonly HashSet<string> FollowWords = new(StringComparer.Ordinal)
    {
        "done", "completed", "complete", "finished", "in", "on", "is", "was", "has", "have", "had", "now", "still",
        "blocked", "stuck", "waiting", "awaiting", "pending", "not", "no", "delayed", "extension", "extend",
        "postpone", "postponed", "request", "requesting", "requested", "started", "ongoing", "underway", "progress",
        "partially", "fully", "almost", "nearly", "status", "update", "updated", "we", "our", "closed", "cannot",
        "can't", "unable", "halted", "suspended", "paused", "about", "approximately", "undo", "implemented",
        "delivered", "accomplished", "hold", "under", "at", "it", "this", "work", "works", "all", "going", "yet",
        "please", "already", "will", "being", "ok", "okay", "fine", "good", "halfway", "late", "behind", "ahead", "the", "a", "an", "they", "their", "its", "these", "my",
    };

    public static IReadOnlyList<ItemMarker> Find(string original, string folded, out ItemMarker? leading)
    {
        var markers = new List<ItemMarker>();
        leading = FindLeading(original, folded, 0);
        if (leading is not null)
        {
            markers.Add(leading);
            var lead = leading;

            // A multi-item report lists items in the same style on new lines or after semicolons.
            foreach (Match m in ListBreak().Matches(folded, leading.Start + leading.Length))
            {
                var next = FindLeading(original, folded, m.Index + m.Length);
                if (next is not null && next.Style == lead.Style && next.Start > lead.Start)
                {
                    markers.Add(next);
                }
            }
        }

        foreach (Match m in ExplicitMarker().Matches(folded))
        {
            foreach (Capture c in m.Groups["n"].Captures)
            {
                if (ReplyText.ParseNumber(c.ValueSpan) is { } n && n > 0)
                {
                    markers.Add(new ItemMarker(n, m.Index, m.Length, "explicit"));
                }
            }
        }

        markers.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return markers;
    }

    /// <summary>A marker that starts at <paramref name="from"/> (after blanks), or null.</summary>
    private static ItemMarker? FindLeading(string original, string folded, int from)
    {
        var m = LeadingMarker().Match(folded, from);
        if (m.Success && m.Index == from)
        {
            var style = m.Groups["word"].Success ? "word" : m.Groups["bracket"].Success ? "bracket" : "、";
            return ReplyText.ParseNumber(m.Groups["n"].ValueSpan) is { } n and > 0
                ? new ItemMarker(n, m.Groups["m"].Index, m.Groups["m"].Length, style)
                : null;
        }

        var bare = LeadingNumber().Match(folded, from);
        if (!bare.Success || bare.Index != from)
        {
            return null;
        }

        var number = bare.Groups["n"];
        var end = number.Index + number.Length;
        var follow = BareNumberStyle(original, folded, end);
        if (follow is null
            || !int.TryParse(number.ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value == 0)
        {
            return null;
        }

        // The punctuation after the number belongs to the marker ("3." "2、" "4)"); a blank or a word does not.
        var length = follow is "space" or "cjk" ? number.Length : number.Length + 1;
        return new ItemMarker(value, number.Index, length, follow == "cjk" ? "space" : follow);
    }

    /// <summary>How a leading number is followed, when that makes it an item number; null when it is a quantity.</summary>
    private static string? BareNumberStyle(string original, string folded, int end)
    {
        if (end >= folded.Length)
        {
            return "space";
        }

        if (MonthAhead().IsMatch(folded, end))
        {
            return null; // 6-Jul, 6 July, 6/Jun: a day of a month
        }

        var c = folded[end];
        var after = end + 1 < folded.Length ? folded[end + 1] : '\0';
        switch (c)
        {
            case '%':
                return null;
            case '.' or ',' or ':' or '/' or '-' when char.IsAsciiDigit(after):
                return null; // 3.5, 1,000, 9:30, 12/20, 3-5
            case '、':
                return "、";
            case '.' or ')' or ']' or ':' or ',' or '-' or '—':
                return c.ToString();
        }

        if (ReplyText.IsCjk(c))
        {
            return UnitChars.Contains(c, StringComparison.Ordinal) ? null : "cjk";
        }

        if (!char.IsWhiteSpace(c))
        {
            return null; // 35kv, 3rd
        }

        var next = end;
        while (next < folded.Length && char.IsWhiteSpace(folded[next]))
        {
            next++;
        }

        if (next >= folded.Length)
        {
            return "space";
        }

        var first = folded[next];
        if (ReplyText.IsCjk(first))
        {
            return SpacedUnitChars.Contains(first, StringComparison.Ordinal) ? null : "space";
        }

        if (char.IsAsciiDigit(first))
        {
            // "3 50%" is item 3 at half way and "3 120急救中心…" item 3 about a name; "3 5000万元" is a sum.
            var m = NumberAhead().Match(folded, next);
            var unit = next + m.Length;
            return unit < folded.Length
                && (folded[unit] == '%' || folded.AsSpan(unit).StartsWith("percent", StringComparison.Ordinal)
                    || (ReplyText.IsCjk(folded[unit]) && !UnitChars.Contains(folded[unit], StringComparison.Ordinal)))
                ? "space"
                : null;
        }

        if (char.IsAsciiLetter(first))
        {
            var wordEnd = next;
            while (wordEnd < folded.Length && (char.IsAsciiLetter(folded[wordEnd]) || folded[wordEnd] == '\''))
            {
                wordEnd++;
            }

            // A capital after "1 " starts a sentence ("1 The hospital…"); "3 villages" stays a quantity.
            return FollowWords.Contains(folded[next..wordEnd]) || char.IsUpper(original[next]) ? "space" : null;
        }

        // "3 - done", "3 ✅ 已完成": a symbol after the blank is a separator, not a unit.
        return char.IsLetter(first) ? null : "space";
    }

    [GeneratedRegex(
        """
        \G\s*(?<m>(?<word>第\s*(?<n>\d{1,3}|[零一二两三四五六七八九十百]{1,5})\s*(?:项|条|件|个事项|号事项)(?:任务|工作|事项)?|(?:item|task|action|no\.|number|#|事项|督办事项|任务)\s*(?:no\.|#)?\s*(?<n>\d{1,3})(?![\d%a-z]|\.\d))|(?<bracket>[\(\[【〔<]\s*(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*[\)\]】〕>])|(?<n>[一二三四五六七八九十]{1,3})\s*[、.](?!\d))
        """,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeoutMs)]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"\G\s*(?<n>\d{1,3})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex LeadingNumber();

    // A month name right after the number, as dates are written in English minutes and trackers ("6-Jul", "6 July
    // 2026", "6/Jun"). "may" is a month only when joined to the number or followed by a year: "3 may slip" is item 3.
    [GeneratedRegex(
        @"\G(?:[-/.]?\s?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|[-/]may|\s?may,?\s+\d{4})\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        TimeoutMs)]
    private static partial Regex MonthAhead();

    [GeneratedRegex(@"\G\d+(?:\.\d+)?\s*", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NumberAhead();

    [GeneratedRegex(@"[\n;]\s*", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ListBreak();

    [GeneratedRegex(
        """
        第\s*(?<n>\d{1,3}|[零一二两三四五六七八九十百]{1,5})(?:\s*(?:、|,|和|及|与|&|至|到|-)\s*第?\s*(?<n>\d{1,3}|[零一二两三四五六七八九十百]{1,5}))*\s*项|\bitems?\s*(?:no\.|#)?\s*(?<n>\d{1,3})(?:\s*(?:,|and|&|/|to|-)\s*#?(?<n>\d{1,3}))*(?![\d%]|\.\d)|(?<![\w&])(?<!\b(?:via|in|by|see|for|of|on|until|from|into|after|per|issue|issues|pr|pull\s+request|fix|fixes|fixed|close|closes|closed|closing|resolve|resolves|resolved|solve|solves|solved|integrate|integrates|integrated|merge|merges|merged|reopen|reopens|reopened|with|duplicate\s+of|related\s+to)\s*)(?<!(?:用|见|参见|详见|跟踪|追踪)\s*)#\s*(?<n>\d{1,3})(?![\d%])|事项\s*(?<n>\d{1,3})(?![\d%]|\s*[个项件条])
        """,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeoutMs)]
    private static partial Regex ExplicitMarker();
}
