using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// Supporting parties named by explicit co-operation markers inside a directive's span:
/// B、C配合 / 会同B / B协助 …, "with the support of B", "in cooperation with B".
/// </summary>
internal static partial class DirectiveSupport
{
    private static readonly string[] FollowingMarkers = ["配合", "协助", "协办", "参与"];
    private static readonly string[] LeadingMarkers = ["会同", "协同", "联合", "协调"];

    public static List<string> Chinese(string text, int start, int end)
    {
        var result = new List<string>();
        var clauseStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] is not ('，' or ',' or '；' or ';'))
            {
                continue;
            }

            ReadClause(text, clauseStart, i, result);
            clauseStart = i + 1;
        }

        return result;
    }

    private static void ReadClause(string text, int start, int end, List<string> result)
    {
        var clause = text.AsSpan(start, end - start);
        foreach (var marker in FollowingMarkers)
        {
            var index = clause.IndexOf(marker, StringComparison.Ordinal);
            if (index <= 0)
            {
                continue;
            }

            // B、C配合 / 由B配合 / B等部门积极配合
            var subject = clause[..index].Trim().TrimStart("由并请").TrimEnd("积极全力共同做好负责");
            if (ChineseActors.SplitActors(subject.ToString()) is { } actors)
            {
                result.AddRange(actors);
            }
        }

        foreach (var marker in LeadingMarkers)
        {
            var index = clause.IndexOf(marker, StringComparison.Ordinal);
            if (index < 0 || (marker == "联合" && index + 2 < clause.Length && clause[index + 2] == '会'))
            {
                continue;
            }

            // 协调 is followed by places as often as by parties (协调县城北区征地): a bare place name is no supporter.
            if (ChineseActors.ReadLeading(text, start + index + 2, end) is { } after
                && !(marker == "协调" && after.Actors.Any(a => a[^1] is '区' or '县' or '市' or '省' or '镇' or '乡' or '村')))
            {
                result.AddRange(after.Actors.Select(a => a.TrimEnd('等')));
            }
        }
    }

    public static List<string> English(string text, int start, int end)
    {
        var result = new List<string>();
        var span = text.AsSpan(start, end - start);
        if (!span.Contains(" with ", StringComparison.Ordinal) && !span.Contains(" by ", StringComparison.Ordinal))
        {
            return result;
        }

        for (var match = EnglishSupport().Match(text, start, end - start); match.Success; match = match.NextMatch())
        {
            // The phrase runs on into the rest of the clause; the longest leading run of words that names parties wins.
            var words = match.Groups["actor"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var count = words.Length; count > 0; count--)
            {
                if (EnglishActors.Split(string.Join(' ', words, 0, count)) is { } actors)
                {
                    result.AddRange(actors);
                    break;
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"\b(?:with the (?:support|assistance|help) of|in (?:cooperation|co-operation|collaboration|coordination|partnership) with|supported by|assisted by|with (?:support|assistance|help) from|jointly with|together with)\s+(?<actor>(?:the\s+)?[\w'’&.-]+(?:,?\s+[\w'’&.-]+){0,7})", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishSupport();
}
