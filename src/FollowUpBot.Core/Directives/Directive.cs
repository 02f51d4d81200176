namespace FollowUpBot.Directives;

/// <summary>
/// One extracted directive. <see cref="Lead"/> is empty for a subjectless obligation the organiser still has to assign.
/// <see cref="Start"/> and <see cref="Length"/> are UTF-16 offsets into the decoded text; <see cref="Quote"/> is that span.
/// </summary>
internal sealed record Directive(
    string Id,
    string Section,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Support,
    string Task,
    Deadline? Deadline,
    string Quote,
    int Start,
    int Length)
{
    public bool IsCandidate => Lead.Count == 0;
}

internal enum DeadlineKind
{
    Absolute,
    Relative,
    Recurring,
    Standing,
}

/// <summary>A time constraint as written, with its resolution against the meeting date (a date, a recurrence, or neither).</summary>
internal sealed record Deadline(string Text, DeadlineKind Kind, DateOnly? Due, string? Recurrence);
