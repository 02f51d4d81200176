using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// The clause rules for English minutes: "X will …", "X to …", "ACTION: X …", "Referred to X", "X was asked to …",
/// each directive running from its actor to the next directive's actor or the end of the sentence.
/// </summary>
internal sealed partial class EnglishClauses(string text, ExtractionPass pass)
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "No", "vs", "etc", "e.g", "i.e", "Inc", "Ltd", "Co", "Jr", "Sr", "Prof", "Cllr", "approx", "Dept", "Jan", "Feb",
        "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    private static readonly System.Buffers.SearchValues<string> OwnerHints =
        System.Buffers.SearchValues.Create(["owner", "responsible", "assigned", "lead", "action"], StringComparison.OrdinalIgnoreCase);

    public void ReadLine(int lineStart, int contentStart, int end, bool action)
    {
        var before = CountDrafts();
        var sentenceStart = contentStart;
        var previousSentence = contentStart;
        for (var i = contentStart; i <= end; i++)
        {
            if (i < end && !IsSentenceEnd(i, end))
            {
                continue;
            }

            if (i > sentenceStart)
            {
                ReadSentence(sentenceStart, i, previousSentence, contentStart);
                previousSentence = sentenceStart;
            }

            sentenceStart = i + 1;
        }

        if (action && CountDrafts() == before)
        {
            ReadActionLine(lineStart, contentStart, end);
        }
    }

    private int _drafts;

    private int CountDrafts() => _drafts;

    private void ReadActionLine(int lineStart, int contentStart, int end)
    {
        var content = text[contentStart..end];
        var owner = Owner().Match(content);
        List<string>? lead = null;
        if (owner.Success)
        {
            lead = EnglishActors.Split(owner.Groups["actor"].Value);
        }

        // "ACTION: Ana Silva and the Data team: publish …" / "ACTION: Lisa Grant — notify …"
        var named = NamedAction().Match(content);
        var taskStart = contentStart;
        if (lead is null && named.Success && EnglishActors.Split(content[..named.Index]) is { } actors)
        {
            lead = actors;
            taskStart = contentStart + named.Index + named.Length;
        }

        // ACTION lines with no owner are still actions: the organiser assigns them.
        var draft = pass.NewDraft(lineStart, taskStart, lead ?? [], english: true);
        draft.End = end;
        _drafts++;
    }

    private void ReadSentence(int start, int end, int previousSentence, int lineContentStart)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var sentence = text[start..end];
        Draft? current = null;
        var searchFrom = 0;

        // Span matching: "to" alone occurs in most sentences, so this path must not allocate per match.
        foreach (var modal in Modal().EnumerateMatches(sentence))
        {
            if (modal.Index < searchFrom)
            {
                continue;
            }

            var infinitive = modal.Length == 2;
            var subject = FindSubject(sentence, searchFrom, modal.Index, infinitive, out var subjectStart);
            if (subject is null || (!infinitive && IsProcedure(sentence, modal.Index + modal.Length)))
            {
                continue;
            }

            // "would" assigns only as reported agreement: "It was agreed that the Treasurer would circulate …".
            if (sentence.AsSpan(modal.Index, modal.Length).SequenceEqual("would") && !AgreedThat().IsMatch(sentence.AsSpan(0, subjectStart)))
            {
                continue;
            }

            if (current is not null)
            {
                current.End = start + TrimConnector(sentence, subjectStart);
            }

            current = pass.NewDraft(start + subjectStart, start + modal.Index + modal.Length, subject, english: true);
            current.End = end;
            _drafts++;
            searchFrom = modal.Index + modal.Length;
        }

        var referred = sentence.Contains("eferred", StringComparison.Ordinal) ? Referred().Match(sentence) : Match.Empty;
        if (referred.Success && current is null && EnglishActors.Split(referred.Groups["actor"].Value) is { } to)
        {
            // "Referred to X." usually closes the sentence that said what is referred.
            var from = referred.Index == 0 ? previousSentence : start;
            var draft = pass.NewDraft(from, start + referred.Index, to, english: true);
            draft.End = end;
            _drafts++;
        }

        var owner = current is null && !referred.Success && sentence.AsSpan().IndexOfAny(OwnerHints) >= 0 ? Owner().Match(sentence) : Match.Empty;
        if (owner.Success && EnglishActors.Split(owner.Groups["actor"].Value) is { } owners)
        {
            // "(Owner: X)" names who does what the line said before it.
            var draft = pass.NewDraft(lineContentStart, lineContentStart, owners, english: true);
            draft.End = end;
            _drafts++;
        }
    }

    private static List<string>? FindSubject(string sentence, int from, int modalIndex, bool infinitive, out int subjectStart)
    {
        // Try the widest subject first (Finance and HR will …), then narrower ones after clause boundaries.
        var candidate = from;
        var boundaries = SubjectBoundary().EnumerateMatches(sentence.AsSpan(from, modalIndex - from));
        while (true)
        {
            var allowed = !infinitive || candidate == from || sentence.AsSpan(candidate - 2, 2).SequenceEqual(": ");
            if (allowed && modalIndex - candidate <= 90)
            {
                var raw = sentence.AsSpan(candidate, modalIndex - candidate);
                var trimmed = raw.Trim();
                if (trimmed.Length > 0 && char.IsLetter(trimmed[0]) && EnglishActors.Split(trimmed.ToString()) is { } actors)
                {
                    subjectStart = candidate + (raw.Length - raw.TrimStart().Length);
                    return actors;
                }
            }

            if (!boundaries.MoveNext())
            {
                break;
            }

            candidate = from + boundaries.Current.Index + boundaries.Current.Length;
        }

        subjectStart = -1;
        return null;
    }

    private static bool IsProcedure(string sentence, int afterModal)
    {
        var rest = sentence.AsSpan(afterModal).TrimStart();

        // "X will be reviewed" has X as the thing acted on; "the Committee will meet" is the meeting's own procedure.
        return (rest.StartsWith("be ") && !rest.StartsWith("be responsible") && PassiveParticiple().IsMatch(rest))
            || rest.StartsWith("meet") || rest.StartsWith("reconvene") || rest.StartsWith("adjourn") || rest.StartsWith("resume")
            || rest.StartsWith("begin") || rest.StartsWith("commence") || rest.StartsWith("take place");
    }

    private static int TrimConnector(string sentence, int index)
    {
        var head = sentence[..index].TrimEnd();
        foreach (var connector in new[] { ", and", " and", ",", ";", " while", " whereas", " but", " then" })
        {
            if (head.EndsWith(connector, StringComparison.Ordinal))
            {
                return head.Length - connector.Length;
            }
        }

        return head.Length;
    }

    private bool IsSentenceEnd(int i, int end)
    {
        var c = text[i];
        if (c is '!' or '?' or ';')
        {
            return true;
        }

        if (c != '.' || (i + 1 < end && !char.IsWhiteSpace(text[i + 1])))
        {
            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, i - wordStart);
        return !(word.Length == 1 && char.IsUpper(word[0])) && !Abbreviations.Contains(word.ToString());
    }

    [GeneratedRegex(@"\b(?:will be responsible for|is responsible for|are responsible for|(?:is|are) required to|(?:has|have) agreed to|agreed to|undertook to|(?:was|were|is|are|has been|have been) (?:asked|directed|requested|instructed|tasked|mandated|charged|authori[sz]ed|invited) (?:to|with)|(?:is|are) to|needs? to|will|would|shall|must|should|to)(?=\s+(?:not\s+)?[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Modal();

    [GeneratedRegex(@"(?:,\s+and\s+|;\s*|:\s+|,\s+|\s+and\s+|\s+while\s+|\s+whereas\s+|\s+but\s+|\s+that\s+|\s+then\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectBoundary();

    [GeneratedRegex(@"\b[Rr]eferred\s+(?:back\s+)?to\s+(?<actor>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:and|&|of|for|the)\s+[A-Z][\w'’&.-]*|\s+[A-Z][\w'’&.-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Referred();

    [GeneratedRegex(@"(?:\b(?i:owners?|responsible|assigned to|lead|action)\s*[:：\-–—]\s*)(?<actor>[A-Z][\w'’&.-]*(?:(?:,\s*|\s+(?:and|&|of|for)\s+|\s+)[A-Z][\w'’&.-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Owner();

    [GeneratedRegex(@"\s*(?:[:：–—]|\s-)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NamedAction();

    [GeneratedRegex(@"\b(?:agreed|resolved|decided|requested|asked|directed)\s+that\s+(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgreedThat();

    [GeneratedRegex(@"^be\s+\w+(?:ed|en)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveParticiple();
}
