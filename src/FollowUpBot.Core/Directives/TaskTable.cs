namespace FollowUpBot.Directives;

/// <summary>
/// A task table (任务分工表, or an English action table): a header row naming a responsibility column (责任单位, 牵头单位,
/// 责任部门; Owner, Responsible, Assigned to, Who) and usually a task and a deadline column, then one row per task. Rows are cells split by tabs (a .docx table, a spreadsheet pasted into
/// chat) or by pipes (Markdown). Each row with an owner is one directive; the deadline is found in the row by the usual
/// rules, so the 完成时限 cell is read like any deadline.
/// </summary>
internal sealed class TaskTable
{
    private static readonly string[] LeadHeaders = ["牵头单位", "责任单位", "责任部门", "牵头部门", "主办单位", "责任主体", "承办单位"];
    private static readonly string[] SupportHeaders = ["配合单位", "协办单位", "参与单位", "配合部门"];
    private static readonly string[] TaskHeaders = ["工作任务", "重点任务", "主要任务", "具体任务", "任务内容", "工作内容", "任务", "事项", "工作措施", "内容"];

    // English action tables (| Action | Owner | Due |): header cells compared without case, bold or a trailing colon.
    private static readonly string[] EnglishLeadHeaders = ["owner", "owners", "responsible", "assigned to", "assignee", "assignees", "action by", "who", "lead", "by whom", "responsibility"];
    private static readonly string[] EnglishTaskHeaders = ["action", "actions", "action item", "action items", "task", "tasks", "item", "description", "what", "to do", "todo"];

    private bool _english;

    private int _lead = -1;
    private int _support = -1;
    private int _task = -1;
    private char _separator;

    public static TaskTable? ReadHeader(string text, int start, int end)
    {
        var separator = SeparatorOf(text, start, end);
        if (separator == '\0')
        {
            return null;
        }

        var cells = Cells(text, start, end, separator);
        var table = new TaskTable { _separator = separator };
        for (var i = 0; i < cells.Count; i++)
        {
            var name = text[cells[i].Start..cells[i].End];
            var english = name.Trim('*', '_', ' ', ':').ToLowerInvariant();
            if (table._lead < 0 && Array.Exists(LeadHeaders, h => name.StartsWith(h, StringComparison.Ordinal)))
            {
                table._lead = i;
            }
            else if (table._lead < 0 && Array.IndexOf(EnglishLeadHeaders, english) >= 0)
            {
                table._lead = i;
                table._english = true;
            }
            else if (table._task < 0 && Array.IndexOf(EnglishTaskHeaders, english) >= 0)
            {
                table._task = i;
            }
            else if (table._support < 0 && Array.Exists(SupportHeaders, h => name.StartsWith(h, StringComparison.Ordinal)))
            {
                table._support = i;
            }
            else if (table._task < 0 && Array.Exists(TaskHeaders, h => name.Contains(h, StringComparison.Ordinal)))
            {
                table._task = i;
            }
        }

        return table._lead >= 0 && cells.Count >= 2 ? table : null;
    }

    /// <summary>The row's owner and task cell; null when the line is not a row of this table (the table has ended).</summary>
    public Row? ReadRow(string text, int start, int end)
    {
        if (SeparatorOf(text, start, end) != _separator)
        {
            return null;
        }

        var cells = Cells(text, start, end, _separator);

        // Markdown's |---|---| line belongs to the table but holds nothing.
        if (cells.TrueForAll(c => text.AsSpan(c.Start, c.End - c.Start).Trim("-:| ").IsEmpty))
        {
            return new Row(null, null, start, start);
        }

        if (cells.Count < _lead + 1)
        {
            return null;
        }

        var lead = _english
            ? EnglishActors.Split(text[cells[_lead].Start..cells[_lead].End].Trim('*', '_', ' ')) ?? EnglishActors.SplitHandles(text[cells[_lead].Start..cells[_lead].End].Trim())
            : ExtractionPass.ActorCell(text[cells[_lead].Start..cells[_lead].End]);
        var support = _support >= 0 && _support < cells.Count ? ExtractionPass.ActorCell(text[cells[_support].Start..cells[_support].End]) : null;
        var task = _task >= 0 && _task < cells.Count ? cells[_task] : Widest(cells);
        return new Row(lead, support, task.Start, task.End, _english);
    }

    private static (int Start, int End) Widest(List<(int Start, int End)> cells) =>
        cells.OrderByDescending(c => c.End - c.Start).ThenBy(c => c.Start).First();

    private static char SeparatorOf(string text, int start, int end)
    {
        var line = text.AsSpan(start, end - start);
        if (line.Count('\t') >= 1)
        {
            return '\t';
        }

        // "序号 | 重点工作 | 责任单位 |": a row that closes each cell with a pipe (see FoldCellLines) need not open with one.
        return (line is ['|', ..] || line.TrimEnd() is [.., '|']) && line.Count('|') >= 3 ? '|' : '\0';
    }

    /// <summary>
    /// A table exported one cell to a line ("序号 |", "重点工作 |", "责任单位 |", … then "1 |", "坚持…。 |", …) is read as rows: the
    /// header runs from its 序号 cell to the line before the first "1 |", and every row has as many cells; the line breaks
    /// inside a row become spaces, so the text keeps its length and every span found still points into it. Rows stop at the
    /// first group whose number cell does not follow on.
    /// </summary>
    public static string FoldCellLines(string text)
    {
        if (!text.Contains(" |\n", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = new List<(int Start, int End)>();
        for (var from = 0; from <= text.Length;)
        {
            var stop = text.IndexOf('\n', from);
            var end = stop < 0 ? text.Length : stop;
            lines.Add((from, end));
            from = end + 1;
        }

        char[]? folded = null;
        for (var k = 0; k < lines.Count; k++)
        {
            if (Cell(text, lines[k]) is not ("序号" or "编号" or "序"))
            {
                continue;
            }

            var width = 1;
            while (k + width < lines.Count && Cell(text, lines[k + width]) is { } cell && cell != "1")
            {
                width++;
            }

            var header = Enumerable.Range(k, width).Select(i => Cell(text, lines[i]) ?? string.Empty).ToList();
            if (width < 3 || width > 10 || !header.Exists(h => Array.Exists(LeadHeaders, l => h.StartsWith(l, StringComparison.Ordinal))))
            {
                continue;
            }

            folded ??= text.ToCharArray();
            var last = Join(folded, lines, k, width);
            for (var number = 1; last + width <= lines.Count && Cell(text, lines[last]) == number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && Enumerable.Range(last, width).All(i => Cell(text, lines[i]) is not null); number++)
            {
                last = Join(folded, lines, last, width);
            }

            k = last - 1;
        }

        return folded is null ? text : new string(folded);
    }

    /// <summary>The text of a line that is one cell closed by a pipe ("叶林 |"); null for any other line.</summary>
    private static string? Cell(string text, (int Start, int End) line)
    {
        var content = text.AsSpan(line.Start, line.End - line.Start).TrimEnd();
        return content.Length >= 2 && content[^1] == '|' && content[..^1].IndexOf('|') < 0 && !content[..^1].Trim().IsEmpty
            ? content[..^1].Trim().ToString()
            : null;
    }

    /// <summary>Turns the breaks between <paramref name="count"/> cell lines from <paramref name="first"/> into spaces; the index after them.</summary>
    private static int Join(char[] folded, List<(int Start, int End)> lines, int first, int count)
    {
        for (var i = first; i < first + count - 1; i++)
        {
            folded[lines[i].End] = ' ';
        }

        return first + count;
    }

    private static List<(int Start, int End)> Cells(string text, int start, int end, char separator)
    {
        var cells = new List<(int Start, int End)>();
        var from = start;
        if (separator == '|' && text[from] == '|')
        {
            from++;
        }

        while (from <= end)
        {
            var next = text.IndexOf(separator, from, end - from);
            var stop = next < 0 ? end : next;
            var (s, e) = (from, stop);
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (!(separator == '|' && next < 0 && s == e))
            {
                cells.Add((s, e));
            }

            if (next < 0)
            {
                break;
            }

            from = next + 1;
        }

        return cells;
    }

    /// <summary>One row: who leads and supports (null when the cell names no actor) and where its task cell is.</summary>
    internal sealed record Row(List<string>? Lead, List<string>? Support, int TaskStart, int TaskEnd, bool English = false);
}
