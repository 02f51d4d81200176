using System.Globalization;
using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

/// <summary>A percentage written in a reply (60%, 百分之六十, 六成), clamped to 0–100.</summary>
/// <param name="Start">Index in the text.</param>
/// <param name="Length">Length as written.</param>
/// <param name="Value">The percentage.</param>
/// <param name="OfProgress">Written next to a progress word (完成了80%, 进度60%, "80% complete"), not a rate of something else.</param>
internal sealed record PercentMention(int Start, int Length, int Value, bool OfProgress = false);

/// <summary>
/// Finds the progress percentage of a reply. When a reply has several, the first one next to a
/// progress word (完成, 进度, progress) wins over the first one; growth rates (同比增长15%) never count.
/// </summary>
internal static partial class ReplyPercents
{
    private const int TimeoutMs = 1000;
    private const int Window = 12;

    public static List<PercentMention> FindAll(string folded)
    {
        var found = new List<PercentMention>();
        foreach (Match m in PercentPattern().Matches(folded))
        {
            double? value = null;
            if (m.Groups["n"].Success
                && double.TryParse(m.Groups["n"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            {
                value = n;
            }
            else if (m.Groups["cn"].Success)
            {
                var digits = m.Groups["cn"].Value;
                var point = digits.IndexOf('点', StringComparison.Ordinal);
                value = ReplyText.ParseChineseNumber(point >= 0 ? digits[..point] : digits);
            }
            else if (m.Groups["tenths"].Success)
            {
                value = ReplyText.ParseChineseNumber(m.Groups["tenths"].ValueSpan) * 10;
            }

            if (value is { } v)
            {
                found.Add(new PercentMention(m.Index, m.Length, (int)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 0, 100)));
            }
        }

        return found;
    }

    /// <summary>The percentage the reply reports as its progress, or null.</summary>
    public static PercentMention? Pick(string folded, IReadOnlyList<PercentMention> mentions)
    {
        PercentMention? first = null;
        foreach (var mention in mentions)
        {
            var before = Clause(folded, mention.Start);
            if (GrowthContext().IsMatch(before))
            {
                continue;
            }

            if (ProgressContext().IsMatch(before) || ProgressAfter().IsMatch(folded, mention.Start + mention.Length))
            {
                return mention with { OfProgress = true };
            }

            first ??= mention;
        }

        return first;
    }

    /// <summary>Up to <see cref="Window"/> chars before a position, not reaching back past a clause break.</summary>
    private static string Clause(string folded, int position)
    {
        var start = position;
        while (start > 0 && position - start < Window && folded[start - 1] is not (',' or '。' or ';' or '\n'))
        {
            start--;
        }

        return folded[start..position];
    }

    [GeneratedRegex(
        """
        (?<![\d.])(?<n>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s*cent\b|pct\b)
        |百分之(?<cn>[零一二两三四五六七八九十百点]+)
        |(?<![一二三四五六七八九十百千万两第])(?<tenths>[一二三四五六七八九十])成(?![员立果本效绩熟功交都型品年就为不])
        """,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"增长|下降|同比|环比|增幅|降幅|增加|减少|降低|利率|税率|growth|increase|decrease|interest|\btax|up\s+by|down\s+by|\brose\b|\bfell\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex GrowthContext();

    [GeneratedRegex(@"完成|进度|完工|进展|推进|完成率|施工|建设|实施|落实|计划|任务|工程量|总量|progress|complete|done|finished|planned|target", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ProgressContext();

    [GeneratedRegex(@"\G\s*(?:的)?(?:完成|完工|complete|done|finished|through|of\s+the\s+work)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ProgressAfter();
}
