using System.Text.RegularExpressions;

using FollowUpBot.Writing;

namespace FollowUpBot.Directives;

/// <summary>
/// A deliberately loose second reading for the learned scorer: every clause that opens with something that may be a party
/// followed by an obligation cue ("X to …", "X will/would/should …", "[X] to …", "… to be chased up by X", "asked X to …";
/// 某某要/须/负责/牵头… where the rules see a marker, 由某某负责…) is a candidate. The extractor reads it on the text the rules
/// read and drops what the rules rejected on purpose (<see cref="ExtractionPass.Excluded"/>); of the rest, most are not
/// directives, and the <see cref="CandidateScorer"/> trained on labelled texts decides. One pass over the text's lines.
/// </summary>
internal static partial class LooseCandidates
{
    private static readonly HashSet<string> MeetingBodies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Council", "Board", "Committee", "Commission", "Senate", "Members", "Meeting", "Group", "Councillors", "Councilmembers",
    };

    private static readonly string[] ChineseCues = ["要", "须", "必须", "务必", "应当", "应", "负责", "牵头"];

    /// <summary>
    /// The loose candidates of the text; with <paramref name="skip"/>, none that starts inside one of its ranges (the rules'
    /// directives, where nothing can be added), which are not read at all.
    /// </summary>
    public static List<DirectiveCandidate> Find(string text, IntervalIndex? skip = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var simplified = ChineseScript.ToSimplified(text);
        var found = new List<DirectiveCandidate>();
        var position = 0;
        while (position < simplified.Length)
        {
            var lineEnd = simplified.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = simplified.Length;
            }

            ReadLine(text, simplified, position, lineEnd, found, skip);
            position = lineEnd + 1;
        }

        return found;
    }

    private static void ReadLine(string text, string read, int start, int end, List<DirectiveCandidate> found, IntervalIndex? skip)
    {
        int cjk = 0, latin = 0;
        for (var i = start; i < end; i++)
        {
            cjk += read[i] is >= '\u4E00' and <= '\u9FFF' ? 1 : 0;
            latin += char.IsAsciiLetter(read[i]) ? 1 : 0;
        }

        if (cjk + latin == 0)
        {
            return;
        }

        var english = latin > 3 * cjk;
        for (var clause = (english ? EnglishClause() : ChineseClause()).Match(read, start, end - start); clause.Success; clause = clause.NextMatch())
        {
            var body = clause.Groups["body"];
            if (body.Length < 2 || (skip is not null && skip.Overlaps(body.Index, body.Index + 1)))
            {
                continue;
            }

            if (english)
            {
                ReadEnglish(text, body.Index, body.Index + body.Length, found);
            }
            else
            {
                ReadChinese(text, read, body.Index, end, found);
            }
        }
    }

    private static void ReadEnglish(string text, int start, int end, List<DirectiveCandidate> found)
    {
        var span = text[start..end];
        // "Training will be delivered …" (a passive: the subject is acted on) and "Repairs to the gym roof …" ("to" before a
        // determiner is a preposition) name no one.
        if (OpeningOwner().Match(span) is { Success: true } opening && !NoParty().IsMatch(span, opening.Groups["cue"].Index + opening.Groups["cue"].Length))
        {
            var cue = opening.Groups["cue"];
            Add(text, start, end, opening.Groups["owner"].Value, "loose.en.opening." + cue.Value.Split(' ')[0].ToLowerInvariant(), english: true, found, start + cue.Index + cue.Length);
        }

        if (AskedOwner().Match(span) is { Success: true } asked)
        {
            Add(text, start, end, asked.Groups["owner"].Value, "loose.en.asked", english: true, found, start + asked.Index + asked.Length - 1);
        }

        if (PassiveAgent().Match(span) is { Success: true } passive)
        {
            Add(text, start, end, passive.Groups["owner"].Value, "loose.en.passive", english: true, found, start);
        }
    }

    private static void ReadChinese(string text, string read, int start, int lineEnd, List<DirectiveCandidate> found)
    {
        // A clause runs to the end of its sentence: the cue's object often lies past the next comma.
        var sentenceEnd = read.IndexOfAny(['。', '；', ';'], start, lineEnd - start);
        var stop = sentenceEnd < 0 ? lineEnd : sentenceEnd;
        var from = start;
        if (read[from] == '由')
        {
            from++;
        }

        if (ChineseActors.ReadLeading(read, from, Math.Min(stop, from + 30)) is not { } actors)
        {
            return;
        }

        var after = read.AsSpan(actors.End, Math.Max(0, stop - actors.End));
        foreach (var cue in ChineseCues)
        {
            // 负责人/负责同志 (the one in charge), 要求/要点 and 应急/应用/应对 are words of their own, not the obligation.
            // The cue must be where the rules see an obligation ("各责任单位主要负责人切实履行…" names none).
            if (after.StartsWith(cue) && !NotCue(after) && ChineseClauses.MarkerAt(read, actors.End, stop) is var marker && marker >= actors.End && marker < actors.End + cue.Length)
            {
                var owner = text.Substring(from, actors.End - from);
                Add(text, start, stop, owner, (read[start] == '由' ? "loose.zh.by." : "loose.zh.opening.") + cue, english: false, found, actors.End + cue.Length);
                return;
            }
        }
    }

    private static bool NotCue(ReadOnlySpan<char> after)
    {
        foreach (var word in (ReadOnlySpan<string>)["负责人", "负责同志", "负责领导", "要求", "要点", "应急", "应用", "应对", "应届"])
        {
            if (after.StartsWith(word))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(string text, int start, int end, string owner, string rule, bool english, List<DirectiveCandidate> found, int taskStart)
    {
        owner = owner.Trim().Trim('[', ']', '*', '(', ')').Trim();
        if (english && owner.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            owner = owner[4..];
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '。' or ';' or '；' or ',' or '，'))
        {
            end--;
        }

        if (owner.Length == 0 || end - start < 4)
        {
            return;
        }

        // "Good to test …", "Needs to be figured out": a lone common word is no party; "asked Council to endorse …": the
        // meeting body asked to deliberate is no owner either; "Self-nomination to serve on the Committee" is a seat.
        if (english && !owner.Contains(' ', StringComparison.Ordinal) && (EnglishActors.IsCommonWord(owner.ToLowerInvariant()) || MeetingBodies.Contains(owner)))
        {
            return;
        }

        if (english && Seat().IsMatch(text.AsSpan(start, end - start)))
        {
            return;
        }

        var lead = english ? EnglishActors.Split(owner) ?? [owner] : ChineseActors.SplitActors(owner) ?? [owner];
        // The task is what follows the cue (the whole clause for a passive), as the rules' tasks are; always in the quote.
        var quote = text[start..end];
        var task = taskStart > start && taskStart < end ? text[taskStart..end].Trim() : quote;
        found.Add(new DirectiveCandidate(new Directive(string.Empty, string.Empty, lead, [], task.Length > 0 ? task : quote, null, quote, start, end - start), rule, english, Math.Clamp(taskStart, start, end)));
    }

    // A clause: from the start of a line or after ". ", "; ", ": ", " - ", "Topic- " to the next of those; its body starts after
    // any bullet, number or ACTION tag.
    [GeneratedRegex(@"(?<=^|[.;:!?]\s|[-–—]\s)(?:\s*(?:[-*•+]|\d{1,2}[.)]|\(?[a-z][.)]|\**\[?ACTION\]?\**:?|\**Action:?\**))*\s*(?<body>(?:[^.;:!?–—-]|[-–—:](?!\s))*)", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishClause();

    [GeneratedRegex(@"(?<=^|[。；;，,：:])(?:\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[、.．)）]|[一二三四五六七八九十]是))*\s*(?<body>[^。；;，,]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseClause();

    [GeneratedRegex(@"^(?<owner>(?:\[[^\]]{1,40}\]|@?[A-Za-z][\w.'’&@-]*)(?:\s+(?!(?:to|will|would|shall|should|must|needs?|is|are|agreed|volunteered)\b)(?:&|and|\[[^\]]{1,40}\]|@?[A-Za-z][\w.'’-]*)){0,4})\s+(?<cue>to|will|would|shall|should|must|needs? to|is to|are to|agreed to|volunteered to)\s+[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningOwner();

    [GeneratedRegex(@"\G\s+(?:be\s+[a-z]+(?:ed|en|wn)\b|(?:the|a|an|this|that|these|those|its|their|our|his|her|my|your)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex NoParty();

    [GeneratedRegex(@"\sto\s+serve\s", RegexOptions.CultureInvariant)]
    private static partial Regex Seat();

    [GeneratedRegex(@"\b(?:asked|directed|requested|instructed|authori[sz]ed|tasked)\s+(?<owner>(?:the\s+)?(?:[A-Za-z][\w.'’-]*)(?:\s+[A-Za-z][\w.'’-]*)?)\s+to\s+[a-z]", RegexOptions.CultureInvariant)]
    private static partial Regex AskedOwner();

    [GeneratedRegex(@"\bto\s+be\s+[a-z]+(?:\s+(?:up|out|on))?\s+by\s+(?:the\s+)?(?<owner>[A-Za-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveAgent();
}
