using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Storage;
using FollowUpBot.Teams;

namespace FollowUpBot.Progress;

/// <summary>
/// "撤销" / "撤回" / "undo" in free text: takes back the sender's own last report on the item the way the answer card's
/// undo button does (same checks, same answer): a progress record giving the department back the status and percentage
/// it had before that report. Reads one listing of the item's records and at most <see cref="ReplyUndo.MaxRecordsRead"/>
/// of them, newest first.
/// </summary>
internal sealed class ReplyUndoFlow(IBlobStore store, ProgressRecorder recorder, DepartmentAccess access, TimeProvider time)
{
    /// <summary>What to tell the sender: undone, nothing of theirs to undo, or not theirs (nothing stored).</summary>
    public async Task<string> UndoAsync(TurnContext turn, string meetingId, string itemId, string department, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var meeting = await recorder.SeeAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var item = meeting?.FindItem(itemId);
        if (meeting is null || item is null || !ReplyRecorder.IsOn(item, department) || turn.SenderAadObjectId is not { } sender
            || !await access.MayActForAsync(sender, department, cancellationToken).ConfigureAwait(false))
        {
            return Texts.Get(locale, "checklist.notYours");
        }

        var target = await ReplyUndo.FindAsync(NewestFirstAsync(meeting.Id, item.Id, cancellationToken), sender, department, cancellationToken).ConfigureAwait(false);
        var number = item.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? item.Id;
        if (target is null)
        {
            return Texts.Format(locale, "reply.nothingToUndo", number);
        }

        var record = ProgressRecords.From(turn, time, meeting.Id, item.Id, department, ProgressKind.Progress, target.Status, target.Percent);
        await recorder.RecordAsync(record, meeting, cancellationToken).ConfigureAwait(false);
        return Texts.Format(locale, "reply.undone", number, ProgressStatuses.Text(locale, target.Status));
    }

    private async IAsyncEnumerable<ProgressRecord> NewestFirstAsync(string meetingId, string itemId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Record names begin with the activity's time, so the newest sort last.
        var names = new List<string>();
        await foreach (var entry in store.ListAsync(BlobNames.ProgressPrefix(meetingId, itemId), cancellationToken).ConfigureAwait(false))
        {
            names.Add(entry.Name);
        }

        foreach (var name in names.OrderDescending(StringComparer.Ordinal).Take(ReplyUndo.MaxRecordsRead))
        {
            if (await store.GetDocumentAsync(name, LedgerJsonContext.Default.ProgressRecord, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                yield return stored.Document;
            }
        }
    }
}
