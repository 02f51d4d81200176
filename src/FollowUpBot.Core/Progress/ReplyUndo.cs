using FollowUpBot.Ledger;

namespace FollowUpBot.Progress;

/// <summary>What undoing a sender's last report on an item writes back: that report, and the department's state before it.</summary>
internal sealed record UndoTarget(ProgressRecord Undone, ProgressStatus Status, int? Percent);

/// <summary>
/// Free-text undo ("撤销", "撤回", "undo"), decided from the item's records newest first: the sender's own last report for
/// the department (progress, completion or extension request), and the status and percentage the department had
/// before it, which the undo records again, as the answer card's <c>reply.undo</c> button does. Saying undo twice puts
/// the report back, because the undo is itself the sender's latest report.
/// </summary>
internal static class ReplyUndo
{
    /// <summary>How many of an item's newest records an undo reads at most; older history counts as "not started".</summary>
    public const int MaxRecordsRead = 50;

    /// <summary>The report to undo, or null when the sender has none for the department among the records; stops reading once decided.</summary>
    public static async Task<UndoTarget?> FindAsync(IAsyncEnumerable<ProgressRecord> newestFirst, string senderAadObjectId, string department, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ProgressRecord? undone = null;
        await foreach (var record in newestFirst.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!string.Equals(record.Department, department, StringComparison.Ordinal))
            {
                continue;
            }

            if (undone is null)
            {
                if (record.By.AadObjectId == senderAadObjectId && record.Kind is ProgressKind.Progress or ProgressKind.CompletionRequest or ProgressKind.ExtensionRequest)
                {
                    undone = record;
                }

                continue;
            }

            if (StatusSetBy(record) is { } status)
            {
                return new UndoTarget(undone, status, record.Percent ?? (status == ProgressStatus.Closed ? 100 : null));
            }
        }

        return undone is null ? null : new UndoTarget(undone, ProgressStatus.NotStarted, null);
    }

    /// <summary>The status a record gives its department, as the projection applies it; null for records that leave it (extension requests and decisions).</summary>
    public static ProgressStatus? StatusSetBy(ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind switch
        {
            ProgressKind.Progress => record.Status ?? ProgressStatus.InProgress,
            ProgressKind.CompletionRequest => ProgressStatus.CompletionRequested,
            ProgressKind.CompletionApproval => ProgressStatus.Closed,
            ProgressKind.CompletionRejection => ProgressStatus.InProgress,
            _ => null,
        };
    }
}
