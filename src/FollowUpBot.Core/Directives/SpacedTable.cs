using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// An English action table copied out of a web page or a PDF loses its cell borders: the header and every row become a line
/// of words parted by single spaces ("Goal Task Owner Due", "3 Book the hall for the spring fair Dana May 2"). With the owner
/// and due columns last, a row still reads from its end: the date is the last cell and the name before it the owner. Only
/// a header made of column names alone (an owner and a due column among them) opens such a table; rows run to the first
/// line that does not end in a name and a date.
/// </summary>
internal static partial class SpacedTable
{
    private static readonly HashSet<string> TaskColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "goal", "task", "tasks", "action", "actions", "item", "items", "description", "what", "no", "no.", "#", "ref", "topic",
    };

    private static readonly HashSet<string> OwnerColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "owner", "owners", "responsible", "who", "lead", "assignee", "assigned",
    };

    private static readonly HashSet<string> DueColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "due", "deadline", "when", "date", "by",
    };

    /// <summary>"Goal Task Owner Due", "Action Owner Due date": column names only, ending with an owner and a due column.</summary>
    public static bool IsHeader(string text, int start, int end)
    {
        if (end - start > 60 || text.IndexOf('\t', start, end - start) >= 0 || text.IndexOf('|', start, end - start) >= 0)
        {
            return false;
        }

        var words = text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 3 or > 6)
        {
            return false;
        }

        // "Due date", "Target date": the due column may be two words.
        var last = words.Length - 1;
        if (words[last].Equals("date", StringComparison.OrdinalIgnoreCase)
            && (DueColumns.Contains(words[last - 1]) || words[last - 1].Equals("target", StringComparison.OrdinalIgnoreCase)))
        {
            last--;
        }

        if (last < 2 || !(DueColumns.Contains(words[last]) || words[last].Equals("target", StringComparison.OrdinalIgnoreCase))
            || !OwnerColumns.Contains(words[last - 1]) || (!char.IsUpper(words[0][0]) && words[0] != "#"))
        {
            return false;
        }

        for (var i = 0; i < last - 1; i++)
        {
            if (!TaskColumns.Contains(words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The row's owner and where its task and its due date run; null when the line does not end in a name and a date.</summary>
    public static (List<string> Lead, int TaskStart, int TaskEnd, int DueStart, int DueEnd)? ReadRow(string text, int start, int end)
    {
        var match = Row().Match(text, start, end - start);
        if (!match.Success)
        {
            return null;
        }

        var owner = match.Groups["owner"];
        var task = match.Groups["task"];

        // "… Structure call Graciela": a capitalised word before the name, after a lower-case one, is the name's first half
        // ("… the hall Dana Reyes"); after another capitalised word it belongs to the task ("… Town Hall Dana").
        var name = owner.Value;
        var taskEnd = task.Index + task.Length;
        var before = LastWord(text, task.Index, taskEnd);
        if (before is { } word && word.Length > 1 && char.IsUpper(text[word.Start]) && word.Start > task.Index
            && LastWord(text, task.Index, word.Start - 1) is { } earlier && char.IsLower(text[earlier.Start]))
        {
            name = text[word.Start..(owner.Index + owner.Length)];
            taskEnd = word.Start;
        }

        var lead = EnglishActors.Split(name);
        while (taskEnd > task.Index && text[taskEnd - 1] == ' ')
        {
            taskEnd--;
        }

        // The goal's number opens the row ("6 Ask Susan …"); the task starts after it.
        var taskStart = task.Index;
        var number = GoalNumber().Match(text, taskStart, taskEnd - taskStart);
        if (number.Success)
        {
            taskStart += number.Length;
        }

        var due = match.Groups["due"];
        return lead is null || taskEnd - taskStart < 8 ? null : (lead, taskStart, taskEnd, due.Index, due.Index + due.Length);
    }

    private static (int Start, int Length)? LastWord(string text, int from, int to)
    {
        while (to > from && text[to - 1] == ' ')
        {
            to--;
        }

        var start = text.LastIndexOf(' ', to - 1, to - from) + 1;
        return to > from ? (Math.Max(start, from), to - Math.Max(start, from)) : null;
    }

    // task, one capitalised name, and a date: "July 11", "Jul 11th", "11 July", "7/11", "7/11/2012", "2012-07-11".
    [GeneratedRegex(
        @"\G(?<task>(?:.|\n(?=\S)){8,}?) (?<owner>[A-Z][a-z][\w'’.-]*) (?<due>(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*(?: \d{4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}-\d{2}-\d{2}))\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Row();

    [GeneratedRegex(@"\G\d{1,3}[.)]? ", RegexOptions.CultureInvariant)]
    private static partial Regex GoalNumber();
}
