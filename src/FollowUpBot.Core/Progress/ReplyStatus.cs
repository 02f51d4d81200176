namespace FollowUpBot.Progress;

/// <summary>
/// What a progress reply asks for. The first four are the per-department statuses of DESIGN.md;
/// <see cref="CompletionRequested"/> is what a department's "done" means (only organisers close),
/// and <see cref="Extension"/> is a request for a new due date, which changes nothing until approved.
/// </summary>
internal enum ReplyStatus
{
    NotStarted,
    InProgress,
    Blocked,
    CompletionRequested,
    Extension,
}

internal static class ReplyStatuses
{
    /// <summary>The name used in stored records and in <c>followup parse-reply --format json</c>.</summary>
    public static string ToContractName(this ReplyStatus status) => status switch
    {
        ReplyStatus.NotStarted => "notStarted",
        ReplyStatus.InProgress => "inProgress",
        ReplyStatus.Blocked => "blocked",
        ReplyStatus.CompletionRequested => "completionRequested",
        ReplyStatus.Extension => "extension",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
