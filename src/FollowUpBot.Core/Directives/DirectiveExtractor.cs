using System.Globalization;

using FollowUpBot.Writing;

namespace FollowUpBot.Directives;

/// <summary>
/// Finds directives in meeting text by the rules of tests/fixtures/eval/LABELLING.md: a deontic or assigning marker with an
/// explicit actor, one directive per modal clause, actors inherited within a sentence or from a heading that names them.
/// Subjectless obligations come back with an empty lead for the organiser to assign. One pass over the text, no
/// backtracking across sentences, so the cost grows linearly with the input.
/// </summary>
internal sealed partial class DirectiveExtractor(WorkingCalendar calendar)
{
    private readonly DeadlineParser _deadlines = new(calendar);

    public DirectiveExtractor()
        : this(WorkingCalendar.Default)
    {
    }

    public IReadOnlyList<Directive> Extract(string text, DateOnly meetingDate)
    {
        // Where the rules found nothing, the loose reading's candidates the learned scorer accepts are added
        // (docs/evaluation/extraction.md, round 9); with none, the rules' items stand as they are numbered.
        var reading = Read(text, meetingDate, outsideRules: true);
        var all = CandidateScorer.Additions.WithAdditions(reading.Rules, reading.Loose);
        if (all.Count == reading.Rules.Count)
        {
            return all;
        }

        var result = new List<Directive>(all.Count);
        foreach (var directive in all)
        {
            result.Add(directive with { Id = (result.Count + 1).ToString(CultureInfo.InvariantCulture) });
        }

        return result;
    }

    /// <summary>
    /// What the rules found, each directive with the rule that found it and its language: the candidates a learned scorer
    /// (<see cref="CandidateScorer"/>) is trained on and measured with (<c>followup eval-lobo</c>).
    /// </summary>
    internal IReadOnlyList<DirectiveCandidate> Candidates(string text, DateOnly meetingDate) => Read(text, meetingDate).Rules;

    /// <summary>
    /// The rules' candidates and the loose reading's (<see cref="LooseCandidates"/>) of the same text: read where the rules
    /// read (traditional script simplified, hard-wrapped lines joined), none whose cue lies where the rules rejected an
    /// obligation on purpose (<see cref="ExtractionPass.Excluded"/>), each with its deadline and its features taken there,
    /// then mapped back to the text as written. A wrapped and an unwrapped text give the same candidates.
    /// </summary>
    /// <remarks>
    /// With <paramref name="outsideRules"/>, only loose candidates that overlap none of the rules' directives are read (what
    /// can be added; the extractor's path); without it, all of them (what the scorer is trained and measured on).
    /// </remarks>
    internal ExtractorReading Read(string text, DateOnly meetingDate, bool outsideRules = false)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Traditional Chinese is read through its simplified forms, one char for one char, and hard-wrapped lines are joined
        // into their sentences; every span found in the text read is mapped back, so what is shown is cut from the text as
        // written. A list flattened onto one line is then put back a line an item (one character for one, after the wraps
        // are joined, so a flattened list that was also wrapped reads the same).
        var simplified = ChineseScript.ToSimplified(text);
        var read = InlineItems.Break(HardWraps.Unwrap(TaskTable.FoldCellLines(simplified), out var map));
        var scriptChanged = !ReferenceEquals(simplified, text);
        var pass = new ExtractionPass(read);
        var drafts = pass.Run();
        var result = new List<DirectiveCandidate>(drafts.Count);
        var spans = new List<(int Start, int End)>(drafts.Count);
        foreach (var draft in drafts)
        {
            var directive = Finish(read, draft, meetingDate, result.Count + 1);
            if (directive is not null)
            {
                spans.Add((directive.Start, directive.Start + directive.Length));
                directive = ReferenceEquals(read, text) ? directive : AsWritten(directive, text, read, map, scriptChanged);
                result.Add(new DirectiveCandidate(directive, draft.Rule, draft.English));
            }
        }

        var loose = new List<LooseCandidate>();
        var excluded = new IntervalIndex(pass.Excluded);
        var taken = new IntervalIndex(spans);
        foreach (var candidate in LooseCandidates.Find(read, outsideRules ? taken : null))
        {
            if (excluded.Covers(candidate.Cue))
            {
                continue;
            }

            var directive = candidate.Directive;
            if (outsideRules && taken.Overlaps(directive.Start, directive.Start + directive.Length))
            {
                continue;
            }

            var deadline = _deadlines.Find(read, directive.Start, directive.Start + directive.Length, meetingDate, candidate.English);
            var found = candidate with { Directive = directive with { Deadline = deadline?.Deadline } };
            var features = CandidateFeatures.Of(read, found);
            if (!ReferenceEquals(read, text))
            {
                found = found with { Directive = AsWritten(found.Directive, text, read, map, scriptChanged) };
            }

            loose.Add(new LooseCandidate(found, features));
        }

        return new ExtractorReading(result, loose);
    }

    /// <summary>
    /// The directive with its offsets in the text as written and its quote, task, actors and deadline text cut from it.
    /// <paramref name="map"/> gives each character of <paramref name="read"/> its index in <paramref name="text"/> (null when
    /// no line was joined).
    /// </summary>
    private static Directive AsWritten(Directive directive, string text, string read, int[]? map, bool scriptChanged)
    {
        int Written(int index) => map is null ? index : map[index];

        string Original(string found)
        {
            if (found.Length == 0)
            {
                return found;
            }

            // Look in the quote first (the task, a deadline, most actors); then, for traditional script only, anywhere (an
            // inherited actor, a heading): with joined lines alone, what lies outside the quote reads the same in both texts.
            var at = read.IndexOf(found, directive.Start, directive.Length, StringComparison.Ordinal);
            if (at < 0 && scriptChanged)
            {
                at = read.IndexOf(found, StringComparison.Ordinal);
            }

            return at < 0 ? found : text[Written(at)..(Written(at + found.Length - 1) + 1)];
        }

        var start = Written(directive.Start);
        var end = Written(directive.Start + directive.Length - 1) + 1;
        return directive with
        {
            Section = Original(directive.Section),
            Lead = [.. directive.Lead.Select(Original)],
            Support = [.. directive.Support.Select(Original)],
            Task = Original(directive.Task),
            Deadline = directive.Deadline is { } deadline ? deadline with { Text = Original(deadline.Text) } : null,
            Quote = text[start..end],
            Start = start,
            Length = end - start,
        };
    }

    private Directive? Finish(string text, Draft draft, DateOnly meetingDate, int number)
    {
        var start = draft.Start;
        var end = draft.End;
        while (end > start && IsTrailingPunctuation(text[end - 1]))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (end - start < 2)
        {
            return null;
        }

        // The draft is finished here, so its support list becomes the directive's.
        var support = draft.Support;
        foreach (var actor in draft.English ? DirectiveSupport.English(text, start, end) : DirectiveSupport.Chinese(text, start, end))
        {
            if (!support.Contains(actor) && !draft.Lead.Contains(actor))
            {
                support.Add(actor);
            }
        }

        var (dueStart, dueEnd) = draft.DueCell ?? (start, end);
        var deadline = _deadlines.Find(text, dueStart, dueEnd, meetingDate, draft.English);
        var task = Task(text, Math.Clamp(draft.TaskStart, start, end), draft.TaskEnd > 0 ? Math.Min(draft.TaskEnd, end) : end, deadline, draft.English);
        if (draft.Lead.Count == 0 && !draft.English && deadline is null && !NamesDeliverable(task))
        {
            // A subjectless 要-clause is offered to the organiser only when it holds a concrete obligation: something to
            // produce or do by a date. "要立足于早", "要从严管起" are exhortations, not tasks nobody has been given.
            return null;
        }

        return new Directive(
            number.ToString(CultureInfo.InvariantCulture),
            draft.Section,
            draft.Lead,
            support,
            task,
            deadline?.Deadline,
            text[start..end],
            start,
            end - start);
    }

    /// <summary>
    /// The core action: the first clause after the modal that is not a supporter's clause, without a leading deadline or
    /// 会同X; in English, what follows the modal up to the deadline or the supporters. Always a substring of the quote.
    /// </summary>
    private static string Task(string text, int start, int end, DeadlineMatch? deadline, bool english)
    {
        if (english)
        {
            var stop = end;
            if (deadline is not null && deadline.Start > start && deadline.Start < stop)
            {
                stop = deadline.Start;
            }

            var aside = EnglishTaskStop().Match(text, start, stop - start);
            if (aside.Success && aside.Index > start)
            {
                stop = aside.Index;
            }

            return Clip(text, start, stop);
        }

        var clauseStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] is not ('，' or ',' or '；' or ';'))
            {
                continue;
            }

            var from = SkipLeadIn(text, clauseStart, i, deadline);
            if (i - from >= 2 && !IsSupporterClause(text, from, i))
            {
                return Clip(text, from, i);
            }

            clauseStart = i + 1;
        }

        return Clip(text, start, end);
    }

    private static int SkipLeadIn(string text, int from, int end, DeadlineMatch? deadline)
    {
        while (from < end && (char.IsWhiteSpace(text[from]) || text[from] is '于' or '在' or '并'))
        {
            from++;
        }

        if (deadline is not null && deadline.Start == from)
        {
            from = deadline.Start + deadline.Length;
        }

        foreach (var marker in (ReadOnlySpan<string>)["会同", "协同", "联合"])
        {
            if (string.CompareOrdinal(text, from, marker, 0, 2) == 0 && ChineseActors.ReadLeading(text, from + 2, end) is { } supporters)
            {
                from = supporters.End;
                while (from < end && text[from] is '于' or '在')
                {
                    from++;
                }

                if (deadline is not null && deadline.Start == from)
                {
                    from = deadline.Start + deadline.Length;
                }
            }
        }

        return from;
    }

    private static bool IsSupporterClause(string text, int from, int end)
    {
        var clause = text.AsSpan(from, end - from);
        foreach (var marker in (ReadOnlySpan<string>)["配合", "协助", "协办", "参与"])
        {
            var index = clause.IndexOf(marker, StringComparison.Ordinal);
            if (index > 0 && ChineseActors.SplitActors(clause[..index].ToString().TrimEnd('等')) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // Nouns of things a unit produces or carries out; a subjectless obligation naming one is a task worth assigning.
    private static readonly string[] Deliverables =
    [
        "方案", "计划", "清单", "台账", "报告", "制度", "办法", "细则", "规划", "名单", "总结", "材料", "文件", "标准", "检查", "排查",
        "整改", "督查", "调研", "评估", "考核", "会议", "培训", "演练", "验收", "申报", "报送", "上报", "印发", "出台", "修订", "编制",
    ];

    private static bool NamesDeliverable(string task)
    {
        foreach (var noun in Deliverables)
        {
            if (task.Contains(noun, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clip(string text, int start, int stop)
    {
        const int Limit = 80;
        if (stop - start > Limit)
        {
            var comma = text.LastIndexOfAny(['，', ',', '；', ';'], start + Limit - 1, Limit);
            stop = comma > start + 10 ? comma : start + Limit;
        }

        return text[start..stop].Trim().TrimEnd('，', ',', '；', ';', '、', '。', '.');
    }

    [System.Text.RegularExpressions.GeneratedRegex(@",?\s+(?:with the (?:support|assistance|help) of|in (?:cooperation|co-operation|collaboration|coordination|partnership) with|supported by|assisted by|jointly with)\b|\s+\((?i:owner)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EnglishTaskStop();

    private static bool IsTrailingPunctuation(char c) =>
        char.IsWhiteSpace(c) || c is '，' or ',' or '、' or '：' or ':' or '；' or ';' or '。' or '.' or '！' or '!' or '？' or '?';
}

/// <summary>A directive being built: its span, actors and the context it was found in.</summary>
internal sealed class Draft
{
    public required int Start { get; init; }

    public int End { get; set; }

    public required int TaskStart { get; init; }

    /// <summary>Where the task ends when it is not the end of the quote ("The proposal … was referred to X").</summary>
    public int TaskEnd { get; init; } = -1;

    public required List<string> Lead { get; set; }

    public List<string> Support { get; } = [];

    public required string Section { get; init; }

    public required OutlineEntry[] Chain { get; init; }

    public bool English { get; init; }

    /// <summary>A row's due cell when its columns are known only by position (<see cref="SpacedTable"/>): the deadline is read there.</summary>
    public (int Start, int End)? DueCell { get; init; }

    /// <summary>The rule that found it: the method that opened the draft ("en.ReadModals", "zh.ReadParagraph", "ApplyFieldLines").</summary>
    public string Rule { get; init; } = string.Empty;
}
