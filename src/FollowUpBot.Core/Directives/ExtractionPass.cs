using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// One walk over the text: lines → outline → sentences → clauses. Chinese and English lines take different clause rules
/// but share the outline, the heading actors and the draft list.
/// </summary>
internal sealed partial class ExtractionPass(string text)
{
    // Every responsibility note names a 单位, 部门 or 主体; lines without those characters skip the note pattern.
    private static readonly System.Buffers.SearchValues<char> NoteHints = System.Buffers.SearchValues.Create("位门体人室");
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。！？；;!?");

    private readonly Outline _outline = new();
    private readonly List<Draft> _drafts = [];

    private bool _inActionList;

    // A requirement frame (会议要求：) that ended a line keeps applying to the list items under it.
    private int _frameDepth = -1;

    // A numbered item that found no owner in its own words (1.努力实现地区生产总值增长6.2%左右。), waiting for a field line
    // under it (牵头单位：区发改局), with the first of the drafts its words made (if any); then the item its field lines
    // assigned, which a further field line (责任单位：…) supports.
    // Any other line ends the wait.
    private (OutlineEntry? Entry, int Start, int End, int DraftsFrom)? _bareItem;
    private Draft? _fieldItem;

    // A numbered task with no owner of its own whose measures follow as sub-items (1.完善应急预案体系 then （1）…（4）…), with
    // how many sub-items have come; a note after two or more of them (（责任单位：…）) owns the task, not its last measure.
    private ((OutlineEntry? Entry, int Start, int End, int DraftsFrom) Item, int Parts)? _bareTask;

    /// <summary>
    /// Where the rules read an obligation's form and rejected it on purpose (a question, a task reported done, a forecast, a
    /// speaker's suggestion, a meeting body deliberating, 由X负责的 as a modifier, …), as ranges of the text read: the loose
    /// reading (<see cref="LooseCandidates"/>) offers nothing whose cue lies in one, so the learned additions never take back
    /// what the rules exclude.
    /// </summary>
    public List<(int Start, int End)> Excluded { get; } = [];

    /// <summary>Records that the rules rejected the obligation whose cue lies in [start, end) (<see cref="Excluded"/>).</summary>
    public void Exclude(int start, int end) => Excluded.Add((start, end));

    public List<Draft> Run()
    {
        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            ReadLine(position, lineEnd);
            position = lineEnd + 1;
        }

        return _drafts;
    }

    // A task table's columns (序号 | 工作任务 | 责任单位 | 完成时限), from its header row; null outside a table.
    private TaskTable? _table;

    // Under a header of column names parted by spaces (SpacedTable), until a line is no row; and the end of a row read on
    // with the line after it.
    private bool _spacedTable;
    private int _rowReadTo;

    /// <summary>The line after the one ending at <paramref name="end"/> (without trailing spaces); null when it is blank or indented.</summary>
    private (int Start, int End)? NextLine(int end)
    {
        var from = text.IndexOf('\n', end);
        if (from < 0 || from + 1 >= text.Length || IsSpace(text[from + 1]))
        {
            return null;
        }

        var next = text.IndexOf('\n', from + 1);
        next = next < 0 ? text.Length : next;
        while (next > from + 1 && IsSpace(text[next - 1]))
        {
            next--;
        }

        return next > from + 1 ? (from + 1, next) : null;
    }

    private bool EndsSentence(int end) => text[end - 1] is '.' or '!' or '?' or ':' or ';';

    /// <summary>A short numbered heading with no sentence in it: "一、提升政务服务效能", "（二）要素保障".</summary>
    private bool IsSectionRow(int start, int end)
    {
        if (end - start > 40 || Outline.Read(text, start, end) is not { } marker || marker.Kind is "bullet" or "action")
        {
            return false;
        }

        return text.AsSpan(start, end - start).IndexOfAny(SentenceEnds) < 0;
    }

    private void ReadLine(int start, int end)
    {
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            _frameDepth = -1;
            return;
        }

        // An action table whose cells lost their borders ("Goal Task Owner Due", then "3 Book the hall … Dana May 2"); a row
        // too long for its line goes on to the next.
        if (start < _rowReadTo)
        {
            return;
        }

        if (_spacedTable)
        {
            var (rowEnd, spaced) = (end, SpacedTable.ReadRow(text, start, end));
            if (spaced is null && NextLine(end) is { } next && !EndsSentence(end)
                && SpacedTable.ReadRow(text, next.Start, next.End) is null && SpacedTable.ReadRow(text, start, next.End) is { } wrappedRow)
            {
                (rowEnd, spaced) = (next.End, wrappedRow);
                _rowReadTo = next.End;
            }

            if (spaced is { } row)
            {
                var draft = NewDraft(start, row.TaskStart, row.Lead, english: true, taskEnd: row.TaskEnd, dueCell: (row.DueStart, row.DueEnd));
                draft.End = rowEnd;
                return;
            }

            _spacedTable = false;
        }
        else if (SpacedTable.IsHeader(text, start, end))
        {
            _spacedTable = true;
            return;
        }

        if (TaskTable.ReadHeader(text, start, end) is { } header)
        {
            _table = header;
            return;
        }

        if (_table is not null)
        {
            if (_table.ReadRow(text, start, end) is { } row)
            {
                if (row.Lead is not null)
                {
                    var draft = NewDraft(start, row.TaskStart, row.Lead, english: row.English, taskEnd: row.TaskEnd);
                    draft.End = end;
                    draft.Support.AddRange(row.Support ?? []);
                }

                return;
            }

            // A section row across the table ("一、提升政务服务效能", a merged cell of its own) heads the rows under it; the
            // table goes on after it. Anything else without cells ends the table.
            if (!IsSectionRow(start, end))
            {
                _table = null;
            }
        }

        var marker = Outline.Read(text, start, end);
        var contentStart = start + (marker?.Length ?? 0);

        // "- - President to present …": a second bullet right after the first nests the item, it does not start it.
        while (marker?.Kind == "bullet" && contentStart + 1 < end && text[contentStart] is '-' or '*' or '+' or '•' && text[contentStart + 1] == ' ')
        {
            contentStart += 2;
        }
        OutlineEntry? entry = null;
        if (marker is { } m && m.Kind is not ("bullet" or "action"))
        {
            entry = _outline.Push(m);
        }

        var framed = _frameDepth >= 0 && marker is not null && (entry is null || _outline.Stack.Count > _frameDepth);
        if (!framed)
        {
            _frameDepth = -1;
        }

        if (IsEnglish(start, end))
        {
            // Items listed under an "Actions" / "Next steps" heading are action lines even without the ACTION: prefix.
            // "* Action Items:" is a heading too when it is a bullet of its own.
            // "Action items:" alone on its line reads as an ACTION tag with nothing after it: it heads the list below.
            var canBeHeading = marker is null || marker.Value.Kind[0] == 'h' || marker.Value.Kind == "bullet"
                || (marker.Value.Kind == "action" && text.AsSpan(contentStart, end - contentStart).IsWhiteSpace());
            var actionList = canBeHeading && ActionsHeading().IsMatch(text.AsSpan(marker?.Kind == "bullet" ? contentStart : start, end - (marker?.Kind == "bullet" ? contentStart : start)));
            if (actionList)
            {
                _inActionList = true;
                return;
            }

            // "Dave: Put all documents through …" lines under "Next steps" continue the list without bullets.
            if ((marker is null || !IsListItem(marker.Value)) && !OwnerLine().IsMatch(text.AsSpan(start, end - start)))
            {
                _inActionList = false;
            }

            // A Markdown heading is a topic ("#### TSC needs to elect a board representative"), not an assignment; "#1763 - Looks
            // correct, Dan to approve" starts with an issue number, not a heading.
            if (marker is { Kind: ['h', _] })
            {
                return;
            }

            // "-Ricky Rand: Confirm with the IOE team …": a listed name and an imperative is an action line anywhere.
            // "1.  ACTION, Alex K: Implement …": a numbered item whose content opens with an ACTION tag is an action line.
            var tagged = false;
            var taskStart = contentStart;
            if (marker is { Kind: not "action" } numbered && IsListItem(numbered) && Outline.Read(text, contentStart, end) is { Kind: "action" } tag)
            {
                tagged = true;
                taskStart += tag.Length;
            }

            var namedTask = marker is { } item && IsListItem(item) && NamedTask(taskStart, end);
            new EnglishClauses(text, this).ReadLine(taskStart, end, marker?.Kind == "action" || tagged || _inActionList || namedTask);
            return;
        }

        ReadChineseLine(start, contentStart, end, marker, entry, framed);
    }

    private void ReadChineseLine(int lineStart, int contentStart, int end, OutlineMarker? marker, OutlineEntry? entry, bool framed)
    {
        // A heading that names an actor (（三）市教育局：) passes it to everything under it.
        var colon = text.IndexOfAny(['：', ':'], contentStart, Math.Min(32, end - contentStart));
        List<string>? lineActor = null;
        if (colon > contentStart && !NoteLabel().IsMatch(text, contentStart))
        {
            var named = ChineseActors.SplitActors(text[contentStart..colon]);

            // Before any outline heading, "各区人民政府：" is the salutation of a notice, not a heading that assigns.
            if (named is not null && (entry is not null || _outline.Stack.Count > 0))
            {
                var target = entry ?? _outline.Push(new OutlineMarker("actorhead", string.Empty, 0, false));
                target.Actor = named;
                lineActor = named;
                contentStart = colon + 1;
                if (contentStart >= end)
                {
                    return;
                }
            }
        }

        var note = text.AsSpan(contentStart, end - contentStart).IndexOfAny(NoteHints) >= 0
            ? ResponsibilityNote().Match(text, contentStart, end - contentStart)
            : Match.Empty;
        List<string>? noteLead = null;
        List<string>? noteSupport = null;
        var contentEnd = end;
        var (bareItem, fieldItem, bareTask) = (_bareItem, _fieldItem, _bareTask);
        (_bareItem, _fieldItem, _bareTask) = (null, null, null);
        if (note.Success)
        {
            (noteLead, noteSupport) = ReadNote(note.Groups["body"].Value);
            if (noteLead is not null && text.AsSpan(contentStart, note.Index - contentStart).Trim().IsEmpty)
            {
                if (fieldItem is null && bareTask is { Parts: >= 2 } task && ApplyToTask(noteLead, noteSupport, task.Item, end))
                {
                    return;
                }

                if (!ApplyFieldLines(noteLead, noteSupport, bareItem, fieldItem, end))
                {
                    ApplyStandaloneNote(noteLead, noteSupport);
                }

                return;
            }

            contentEnd = note.Index;
        }
        else if (EndsWithBracket(contentStart, end) && KeylessNote(contentStart, end) is { } keyless)
        {
            // "（市政府办公室、市审改办牵头，市级各有关部门按职责分工负责）" after an item of a work plan: the units named
            // before 牵头 lead it, those after support it.
            (noteLead, noteSupport) = (keyless.Lead, keyless.Support);
            if (text.AsSpan(contentStart, keyless.Start - contentStart).Trim().IsEmpty)
            {
                ApplyStandaloneNote(noteLead, noteSupport);
                return;
            }

            contentEnd = keyless.Start;
        }

        var before = _drafts.Count;
        var paragraphActor = noteLead ?? lineActor;
        var clauses = new ChineseClauses(text, this, paragraphActor, framed);
        clauses.ReadParagraph(marker?.IsModal == true ? lineStart : contentStart, contentStart, contentEnd, marker?.IsModal == true);
        if (clauses.EndsWithFrame)
        {
            _frameDepth = _outline.Stack.Count;
        }

        // 1. 完成校舍安全排查，9月1日前报市政府。 under "（一）市教育局：": a numbered item of a department's list is its task,
        // modal or not.
        if (_drafts.Count == before && noteLead is null && lineActor is null && marker is { } item && item.Kind.StartsWith("num", StringComparison.Ordinal)
            && _outline.ActorHeading() is { } heading && !ReferenceEquals(heading, entry) && contentEnd - contentStart > 4)
        {
            var draft = NewDraft(contentStart, contentStart, [], english: false);
            draft.End = contentEnd;
        }

        // A numbered item of a task breakdown whose owner comes on the field lines under it (a blank line between them is
        // still the same row: "（一）地区生产总值增长7%以上", blank, "责任单位：区发改局"). Items numbered 一、 and （一） are rows
        // as much as 1. and （1）.
        if (noteLead is null && lineActor is null && marker is { } numbered
            && (numbered.Kind.StartsWith("num", StringComparison.Ordinal) || numbered.Kind is "cn" or "cnp" or "circ") && contentEnd - contentStart > 4)
        {
            _bareItem = (entry, contentStart, contentEnd, before);

            // A bare item under a bare item is one of its measures; under a task already counting measures, the next one.
            if (bareTask is { } open && open.Item.Entry is { } taskEntry && !ReferenceEquals(taskEntry, entry) && _outline.Stack.Contains(taskEntry))
            {
                _bareTask = (open.Item, open.Parts + 1);
            }
            else if (bareItem is { Entry: { } parent } previous && !ReferenceEquals(parent, entry) && _outline.Stack.Contains(parent)
                && previous.DraftsFrom == before)
            {
                _bareTask = (previous, 1);
            }
        }

        if (noteLead is not null)
        {
            var created = false;
            for (var i = before; i < _drafts.Count; i++)
            {
                if (_drafts[i].Lead.Count == 0)
                {
                    _drafts[i].Lead = noteLead;
                }

                _drafts[i].Support.AddRange(noteSupport ?? []);
                created = true;
            }

            // A task-list row (1. 完成……。（责任单位：市发改委）) assigns by its note alone.
            if (!created && contentEnd - contentStart > 2)
            {
                var draft = NewDraft(contentStart, contentStart, noteLead, english: false);
                draft.End = contentEnd;
                draft.Support.AddRange(noteSupport ?? []);
            }
        }
    }

    /// <summary>
    /// Field lines under a numbered item of a task breakdown (分工方案): "1.努力实现…。" then "牵头单位：区发改局" then
    /// "责任单位：立山经济开发区，各街道". The first field line makes the item a directive it leads; the units of a later one
    /// support it (a unit named by 责任单位 beside a 牵头单位 shares the work). The item's span runs to its last field line.
    /// </summary>
    private bool ApplyFieldLines(List<string> lead, List<string>? support, (OutlineEntry? Entry, int Start, int End, int DraftsFrom)? bareItem, Draft? fieldItem, int end)
    {
        if (fieldItem is not null)
        {
            fieldItem.Support.AddRange(lead.Concat(support ?? []).Where(unit => !fieldItem.Lead.Contains(unit) && !fieldItem.Support.Contains(unit)));
            fieldItem.End = end;
            _fieldItem = fieldItem;
            return true;
        }

        if (bareItem is not { } item || (item.Entry is not null && !ReferenceEquals(item.Entry, _outline.Deepest)))
        {
            return false;
        }

        // The item's own words may have made drafts without an owner (新增…岗位): the field lines own them. Drafts that
        // found their owners are left to the note rules.
        var made = _drafts.Count - item.DraftsFrom;
        if (made > 0 && _drafts.Skip(item.DraftsFrom).Any(d => d.Lead.Count > 0))
        {
            return false;
        }

        // Sub-items under it (（1）…) are its parts and keep its owner, as under any note.
        if (_outline.Deepest is { } target)
        {
            target.Actor ??= lead;
            target.Support ??= support;
        }

        Draft draft;
        if (made > 0)
        {
            foreach (var own in _drafts.Skip(item.DraftsFrom))
            {
                own.Lead = lead;
                own.Support.AddRange(support ?? []);
            }

            draft = _drafts[^1];
        }
        else
        {
            draft = NewDraft(item.Start, item.Start, lead, english: false, taskEnd: item.End);
            draft.Support.AddRange(support ?? []);
        }

        draft.End = end;
        _fieldItem = draft;
        return true;
    }

    /// <summary>
    /// "1.完善应急预案体系", its measures "（1）…" to "（4）…", then "（责任单位：…）": the note names who owns the task, so the task
    /// and its measures are one directive it leads, quoted from the task's number to the note. Measures that already found an
    /// owner of their own are left to the note rules.
    /// </summary>
    private bool ApplyToTask(List<string> lead, List<string>? support, (OutlineEntry? Entry, int Start, int End, int DraftsFrom) task, int end)
    {
        if (_drafts.Skip(task.DraftsFrom).Any(d => d.Lead.Count > 0))
        {
            return false;
        }

        _drafts.RemoveRange(task.DraftsFrom, _drafts.Count - task.DraftsFrom);
        if (task.Entry is { } entry)
        {
            entry.Actor ??= lead;
            entry.Support ??= support;
        }

        var draft = NewDraft(task.Start, task.Start, lead, english: false, taskEnd: task.End);
        draft.Support.AddRange(support ?? []);
        draft.End = end;
        return true;
    }

    private bool EndsWithBracket(int start, int end)
    {
        while (end > start && text[end - 1] is '。' or '；' or ';' or ' ')
        {
            end--;
        }

        return end > start && text[end - 1] is '）' or ')';
    }

    private (List<string> Lead, List<string>? Support, int Start)? KeylessNote(int start, int end)
    {
        var match = LeadingNote().Match(text, start, end - start);
        if (!match.Success)
        {
            return null;
        }

        var lead = ActorCell(match.Groups["lead"].Value);
        var support = match.Groups["support"].Success ? ActorCell(WithoutCooperation(match.Groups["support"].Value)) : null;
        return lead is null || (match.Groups["support"].Success && support is null) ? null : (lead, support, match.Index);
    }

    private static string WithoutCooperation(string value)
    {
        foreach (var tail in (ReadOnlySpan<string>)["配合", "参与", "协助", "协同"])
        {
            if (value.Length > tail.Length && value.EndsWith(tail, StringComparison.Ordinal))
            {
                return value[..^tail.Length];
            }
        }

        return value;
    }

    private void ApplyStandaloneNote(List<string> lead, List<string>? support)
    {
        var target = _outline.Deepest;
        if (target is not null)
        {
            target.Actor ??= lead;
            target.Support ??= support;
        }

        // The note may also follow the items it assigns (责任单位 written after the task).
        for (var i = _drafts.Count - 1; i >= 0; i--)
        {
            var draft = _drafts[i];
            if (target is not null && Array.IndexOf(draft.Chain, target) < 0)
            {
                break;
            }

            if (draft.Lead.Count == 0)
            {
                draft.Lead = lead;
                draft.Support.AddRange(support ?? []);
            }

            if (target is null)
            {
                break;
            }
        }
    }

    /// <summary>Gives the last item its owner when a later line names one ("Responsible: X", "责任单位：X").</summary>
    public bool AssignPrevious(List<string> lead)
    {
        if (_drafts.Count > 0 && _drafts[^1].Lead.Count == 0)
        {
            _drafts[^1].Lead = lead;
            return true;
        }

        return false;
    }

    /// <summary>A new draft; <paramref name="rule"/> names the rule that found it (a feature of the learned candidate scorer).</summary>
    public Draft NewDraft(int start, int taskStart, List<string> lead, bool english, int taskEnd = -1, (int Start, int End)? dueCell = null, [System.Runtime.CompilerServices.CallerMemberName] string rule = "")
    {
        var draft = new Draft
        {
            DueCell = dueCell,
            Rule = rule,
            Start = start,
            End = start,
            TaskStart = taskStart,
            TaskEnd = taskEnd,
            Lead = lead,
            Section = _outline.Path,
            Chain = _outline.Chain,
            English = english,
        };
        if (lead.Count == 0 && !english && _outline.ActorHeading() is { } heading)
        {
            draft.Lead = heading.Actor!;
            draft.Support.AddRange(heading.Support ?? []);
        }

        _drafts.Add(draft);
        return draft;
    }

    /// <summary>
    /// The parts of a responsibility note, "责任单位：A；配合单位：B、C；完成时限：…": who leads and who supports.
    /// Other keys (deadlines, contacts) are left to the clause they belong to.
    /// </summary>
    private static (List<string>? Lead, List<string>? Support) ReadNote(string body)
    {
        List<string>? lead = null;
        List<string>? support = null;
        foreach (var part in NoteKey().Split(body))
        {
            var colon = part.IndexOfAny(['：', ':']);
            if (colon <= 0)
            {
                continue;
            }

            var key = part[..colon];

            // "省发展改革委、商务厅按职责分工负责。具体任务均涉及…": the note's first sentence names the units.
            var value = part[(colon + 1)..];
            var stop = value.IndexOf('。', StringComparison.Ordinal);
            value = (stop > 0 ? value[..stop] : value).Trim().TrimEnd('；', ';', '，', ',', '。');

            // "落实单位：各县（市、区）" at the end of a line: the note's pattern took the unit's closing bracket for the note's.
            if (value.Count(c => c == '（') > value.Count(c => c == '）'))
            {
                value += "）";
            }
            foreach (var tail in (ReadOnlySpan<string>)["按职责分工负责", "分别负责", "负责", "牵头"])
            {
                if (value.Length > tail.Length && value.EndsWith(tail, StringComparison.Ordinal))
                {
                    value = value[..^tail.Length];
                    break;
                }
            }

            if (key.Contains("配合", StringComparison.Ordinal) || key.Contains("协办", StringComparison.Ordinal) || key.Contains("参与", StringComparison.Ordinal))
            {
                support = ChineseActorList(value);
            }
            else if (key.Contains("单位", StringComparison.Ordinal) || key.Contains("部门", StringComparison.Ordinal) || key.Contains("主体", StringComparison.Ordinal)
                || key.EndsWith("处室", StringComparison.Ordinal) || key.EndsWith("科室", StringComparison.Ordinal))
            {
                lead ??= ChineseActorList(value);
            }
            else if (key.EndsWith("责任人", StringComparison.Ordinal))
            {
                // 责任人：王明 names a person; 责任人：办公室主任 a role.
                lead ??= ChineseActorList(value) ?? (PersonName().IsMatch(value) ? [value] : null);
            }
        }

        return (lead, support);
    }

    private static List<string>? ChineseActorList(string value)
    {
        var actors = new List<string>();
        foreach (var part in value.Split(['，', ',', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var split = ChineseActors.SplitActors(part.TrimEnd('等'));
            if (split is null)
            {
                return null;
            }

            actors.AddRange(split);
        }

        return actors.Count > 0 ? actors : null;
    }

    internal static List<string>? ActorCell(string value) => ChineseActorList(StripResponsibilityTail(value));

    private static string StripResponsibilityTail(string value)
    {
        foreach (var tail in (ReadOnlySpan<string>)["按职责分工负责", "分别负责", "负责", "牵头"])
        {
            if (value.Length > tail.Length && value.EndsWith(tail, StringComparison.Ordinal))
            {
                return value[..^tail.Length];
            }
        }

        return value;
    }

    private bool IsEnglish(int start, int end)
    {
        int cjk = 0, latin = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                cjk++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        return latin > 3 * cjk;
    }

    private bool NamedTask(int contentStart, int end)
    {
        var owner = OwnerLine().Match(text, contentStart, end - contentStart);
        if (!owner.Success || owner.Index != contentStart)
        {
            return false;
        }

        var colon = text.IndexOf(':', contentStart, end - contentStart);
        var verbStart = colon + 1;
        while (verbStart < end && text[verbStart] == ' ')
        {
            verbStart++;
        }

        var verbEnd = verbStart;
        while (verbEnd < end && char.IsLetter(text[verbEnd]))
        {
            verbEnd++;
        }

        return verbEnd > verbStart && char.IsUpper(text[verbStart]) && EnglishActors.IsImperativeVerb(text[verbStart..verbEnd])
            && !SpeakerAddressesOthers(verbStart, end)
            && EnglishActors.Split(text[contentStart..colon].Trim('*')) is not null;
    }

    /// <summary>
    /// "Jonathan: Please check the open PRs", "Ryan: Let's try …", "Ryan: Check in with the groups in our meeting": a speaker
    /// asking the others, or talking as we, is what was said, not a task for the one named.
    /// </summary>
    private bool SpeakerAddressesOthers(int verbStart, int end)
    {
        var said = text.AsSpan(verbStart, end - verbStart);
        return said.StartsWith("Please ", StringComparison.Ordinal) || said.StartsWith("Let's ", StringComparison.Ordinal)
            || said.StartsWith("Let’s ", StringComparison.Ordinal) || said.StartsWith("Let us ", StringComparison.Ordinal)
            || SpokenAsWe().IsMatch(said);
    }

    private static bool IsListItem(OutlineMarker marker) => marker.Kind is "bullet" or "action" || marker.Kind.StartsWith("num", StringComparison.Ordinal) || marker.Kind == "let";

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';

    [GeneratedRegex(@"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpokenAsWe();

    [GeneratedRegex(@"[（(〔]?(?<body>(?:牵头单位|责任单位|责任部门|牵头部门|主办单位|承办单位|责任主体|落实单位|实施单位|责任处室|责任科室|责任人)[:：].*?)[）)〕]?\s*[。；;]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ResponsibilityNote();

    // （A、B牵头，C按职责分工负责） / （A牵头，B配合） / （A负责）: a note without keys at the end of an item.
    [GeneratedRegex(@"[（(](?<lead>[^（()）：:；;。，,]{2,60})(?:牵头(?:[，,；;](?<support>[^（()）：:。]{2,80}))?|负责)[）)]\s*[。；;]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNote();

    // Splits a note before each "key：" it holds.
    [GeneratedRegex(@"[；;，,]\s*(?=[\u4E00-\u9FFF]{2,6}[:：])", RegexOptions.CultureInvariant)]
    private static partial Regex NoteKey();

    [GeneratedRegex(@"^(?:\#{1,6}\s*)?(?:[0-9]{1,2}[.)]\s*)?(?:\*\*)?(?:actions?|action items|action points|next steps|follow-ups?|follow-up actions)(?:\*\*)?\s*[:：]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionsHeading();

    [GeneratedRegex(@"^\**(?:[A-Za-z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}|@[A-Za-z0-9][\w.-]*(?:/[\w.-]+)?)\**\s*:\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerLine();

    [GeneratedRegex(@"\G[（(]?(?:牵头单位|责任单位|责任部门|牵头部门|主办单位|承办单位|责任主体|落实单位|实施单位|责任处室|责任科室|责任人|配合单位|协办单位)", RegexOptions.CultureInvariant)]
    private static partial Regex NoteLabel();

    [GeneratedRegex(@"^[\u4E00-\u9FFF]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();
}
