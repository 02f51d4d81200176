using System.Globalization;

namespace FollowUpBot.Directives;

/// <summary>
/// The features of one candidate the rules found, for <see cref="CandidateScorer"/>: the rule, the language, the owner's
/// kind and where it stands, the cue after it, the line's shape and the heading above it, length, deadline, and the words
/// (English) or character pairs (Chinese) of the quote's opening. Names only; each present feature counts 1.
/// </summary>
internal static class CandidateFeatures
{
    private const int OpeningWords = 12;
    private const int OpeningChars = 16;

    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal)
    {
        "to", "will", "would", "shall", "should", "must", "agreed", "asked", "was", "were", "is", "are", "has", "have", "said",
        "needs", "need", "can", "may", "might", "could", "volunteered", "directed", "requested",
    };

    public static List<string> Of(string text, DirectiveCandidate candidate)
    {
        var directive = candidate.Directive;
        var language = candidate.English ? "en" : "zh";
        var features = new List<string>(48)
        {
            "lang=" + language,
            "rule=" + candidate.Rule,
            "lead.n=" + Math.Min(directive.Lead.Count, 3).ToString(CultureInfo.InvariantCulture),
            "support=" + (directive.Support.Count > 0 ? "yes" : "no"),
            "deadline=" + (directive.Deadline?.Kind.ToString() ?? "none"),
            "section=" + (directive.Section.Length == 0 ? "none" : "some"),
            "length=" + Bucket(directive.Length),
        };

        var lead = directive.Lead.Count > 0 ? directive.Lead[0] : string.Empty;
        var at = lead.Length == 0 ? -1 : directive.Quote.IndexOf(lead, StringComparison.Ordinal);
        var place = lead.Length == 0 ? "none" : at < 0 ? "outside" : at <= 3 ? "start" : "inside";
        features.Add("owner.at=" + place);
        features.Add(language + ".owner.at=" + place + "|" + candidate.Rule);
        features.Add(language + ".owner=" + OwnerKind(lead, candidate.English));

        // The cue: the word (English) or two characters (Chinese) right after the owner in the quote.
        var after = at < 0 ? 0 : at + lead.Length;
        if (candidate.English)
        {
            var words = Words(directive.Quote.AsSpan(after));
            var cue = words.Count > 0 ? words[0] : string.Empty;
            features.Add("en.cue=" + (Modals.Contains(cue) ? cue : "other"));
            if (words.Count > 1 && Modals.Contains(cue))
            {
                features.Add("en.cue2=" + cue + " " + words[1]);
                features.Add("en.verb=" + (words[1] == "be" ? "be" : EnglishActors.IsImperativeVerb(words[1]) ? "imperative" : EnglishActors.IsListVerb(words[1]) ? "list" : "other"));
            }

            features.Add("en.owner.valid=" + (lead.Length > 0 && EnglishActors.Split(lead) is not null));
            features.Add("en.owner.words=" + Math.Min(4, lead.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToString(CultureInfo.InvariantCulture));

            var opening = Words(directive.Quote.AsSpan());
            for (var i = 0; i < Math.Min(OpeningWords, opening.Count); i++)
            {
                features.Add("w=" + opening[i]);
                if (i > 0)
                {
                    features.Add("ww=" + opening[i - 1] + " " + opening[i]);
                }
            }

            if (opening.Contains("i") || opening.Contains("we"))
            {
                features.Add("en.firstperson");
            }
        }
        else
        {
            var cue = directive.Quote.AsSpan(Math.Min(after, directive.Quote.Length));
            features.Add("zh.cue=" + cue[..Math.Min(2, cue.Length)].ToString());
            features.Add("zh.owner.valid=" + (lead.Length > 0 && ChineseActors.SplitActors(lead) is not null));
            var opening = directive.Quote.AsSpan(0, Math.Min(OpeningChars, directive.Quote.Length));
            for (var i = 0; i + 1 < opening.Length; i++)
            {
                if (char.IsLetter(opening[i]) && char.IsLetter(opening[i + 1]))
                {
                    features.Add("c2=" + opening.Slice(i, 2).ToString());
                }
            }
        }

        // The line: its marker, whether the quote opens it, and what the nearest non-blank line above it says.
        var lineStart = directive.Start <= 0 ? 0 : text.LastIndexOf('\n', directive.Start - 1) + 1;
        var prefix = text.AsSpan(lineStart, directive.Start - lineStart).Trim();
        features.Add("line=" + (prefix.IsEmpty ? "opens" : LineMarker(prefix)));
        var quoteEnd = Math.Min(text.Length, directive.Start + directive.Length);
        features.Add("end=" + (quoteEnd < text.Length ? EndMark(text[quoteEnd]) : "eot"));
        features.Add("above=" + Above(text, lineStart));
        features.Add("place=" + (text.Length == 0 ? 0 : 4 * directive.Start / text.Length).ToString(CultureInfo.InvariantCulture));
        return features;
    }

    private static string Bucket(int length) => length switch
    {
        < 20 => "xs",
        < 50 => "s",
        < 100 => "m",
        < 200 => "l",
        _ => "xl",
    };

    private static string OwnerKind(string lead, bool english)
    {
        if (lead.Length == 0)
        {
            return "none";
        }

        if (!english)
        {
            var tail = lead[^1];
            var kind = lead.StartsWith('各') ? "each" : lead.Length <= 3 && !"局委办部门位组区县市镇村院所处科队会".Contains(tail, StringComparison.Ordinal) ? "person" : "unit";
            return kind + "|" + tail;
        }

        if (lead[0] is '@' or '[')
        {
            return "handle";
        }

        var words = lead.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words[^1].Trim('.', ',', ')', '(').ToLowerInvariant();
        if (words.Length == 1 && lead.All(c => char.IsUpper(c) || c == '.'))
        {
            return "initials";
        }

        if (char.IsLower(lead[0]) || lead.StartsWith("The ", StringComparison.Ordinal))
        {
            return "role|" + last;
        }

        return words.Length switch
        {
            1 => "word|" + last,
            2 => "two",
            _ => "long",
        };
    }

    private static List<string> Words(ReadOnlySpan<char> span)
    {
        var words = new List<string>();
        var i = 0;
        while (i < span.Length && words.Count < OpeningWords + 1)
        {
            while (i < span.Length && !char.IsLetterOrDigit(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && (char.IsLetterOrDigit(span[i]) || span[i] == '\''))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(span[start..i].ToString().ToLowerInvariant());
            }
        }

        return words;
    }

    private static string LineMarker(ReadOnlySpan<char> prefix) => prefix[0] switch
    {
        '-' or '*' or '•' or '+' => "bullet",
        >= '0' and <= '9' => "number",
        '#' => "heading",
        '（' or '(' or '[' => "bracket",
        _ => char.IsLetter(prefix[0]) && prefix.Length > 0 && prefix[^1] is ':' or '：' ? "label" : "inside",
    };

    private static string EndMark(char c) => c switch
    {
        '\n' or '\r' => "line",
        '.' or '。' => "stop",
        ';' or '；' => "semicolon",
        ',' or '，' => "comma",
        '?' or '？' => "question",
        _ => "other",
    };

    private static string Above(string text, int lineStart)
    {
        var end = lineStart - 1;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end <= 0)
        {
            return "none";
        }

        var start = text.LastIndexOf('\n', end - 1) + 1;
        var line = text.AsSpan(start, end - start).Trim();
        if (line.Contains("action", StringComparison.OrdinalIgnoreCase) || line.Contains("next step", StringComparison.OrdinalIgnoreCase))
        {
            return "actions";
        }

        return line.Length == 0 ? "none" : line[^1] is ':' or '：' ? "colon" : line.Length < 40 && line[^1] is not ('.' or '。') ? "heading" : "text";
    }
}
