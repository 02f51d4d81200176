using System.Globalization;

namespace FollowUpBot.Directives;

/// <summary>
/// Finds directives in meeting text by the rules of tests/fixtures/eval/LABELLING.md: a deontic or assigning marker with an
/// explicit actor, one directive per modal clause, actors inherited within a sentence or from a heading that names them.
/// Subjectless obligations come back with an empty lead for the organiser to assign. One pass over the text, no
/// backtracking across sentences, so the cost grows linearly with the input.
/// </summary>
internal sealed class DirectiveExtractor(WorkingCalendar calendar)
{
    private readonly DeadlineParser _deadlines = new(calendar);

    public DirectiveExtractor()
        : this(WorkingCalendar.Default)
    {
    }

    public IReadOnlyList<Directive> Extract(string text, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        var drafts = new ExtractionPass(text).Run();
        var result = new List<Directive>(drafts.Count);
        foreach (var draft in drafts)
        {
            var directive = Finish(text, draft, meetingDate, result.Count + 1);
            if (directive is not null)
            {
                result.Add(directive);
            }
        }

        return result;
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

        var support = new List<string>(draft.Support);
        foreach (var actor in draft.English ? DirectiveSupport.English(text, start, end) : DirectiveSupport.Chinese(text, start, end))
        {
            if (!support.Contains(actor) && !draft.Lead.Contains(actor))
            {
                support.Add(actor);
            }
        }

        var deadline = _deadlines.Find(text, start, end, meetingDate, draft.English);
        var task = Task(text, Math.Clamp(draft.TaskStart, start, end), end, deadline);
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

    private static string Task(string text, int start, int end, DeadlineMatch? deadline)
    {
        // The core action: what follows the modal, without a leading deadline and without the trailing purpose clauses.
        var skip = start;
        while (skip < end && (char.IsWhiteSpace(text[skip]) || text[skip] is '于' or '在' or '，' or ','))
        {
            skip++;
        }

        if (deadline is not null && deadline.Start <= skip + 1 && deadline.Start >= start)
        {
            start = deadline.Start + deadline.Length;
        }

        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '，' or ',' or '前' or ':' or '：'))
        {
            start++;
        }

        if (start >= end)
        {
            return string.Empty;
        }

        const int Limit = 80;
        var stop = end;
        if (stop - start > Limit)
        {
            stop = start + Limit;
            var comma = text.LastIndexOfAny(['，', ',', '；', ';'], stop - 1, stop - start);
            if (comma > start + 10)
            {
                stop = comma;
            }
        }

        return text[start..stop].Trim();
    }

    private static bool IsTrailingPunctuation(char c) =>
        char.IsWhiteSpace(c) || c is '，' or ',' or '、' or '：' or ':' or '；' or ';' or '。' or '.' or '！' or '!' or '？' or '?';
}

/// <summary>A directive being built: its span, actors and the context it was found in.</summary>
internal sealed class Draft
{
    public required int Start { get; init; }

    public int End { get; set; }

    public required int TaskStart { get; init; }

    public required List<string> Lead { get; set; }

    public List<string> Support { get; } = [];

    public required string Section { get; init; }

    public required OutlineEntry[] Chain { get; init; }

    public bool English { get; init; }
}
