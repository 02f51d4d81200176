using System.Globalization;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Teams;

namespace FollowUpBot.Progress;

/// <summary>
/// <c>progress.report</c> on a checklist card (DESIGN.md flow 4): only the department's contacts or an organiser;
/// a card older than the item's current state is refreshed and told, never applied; otherwise one append-only
/// progress record (named from the activity, so a retried invoke is stored once) handed to the projector, and the
/// card answered as it will look once the record is applied. The meeting is read at most once (a read up to two
/// seconds old is reused), whatever the size of the ledger.
/// </summary>
internal sealed class ProgressReportAction(
    ProgressRecorder recorder,
    DepartmentAccess access,
    StatusPickerFlow picker,
    TimeProvider time) : ICardActionHandler
{
    public string Verb => ChecklistVerbs.Report;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var meetingId = action.GetString("meetingId") ?? string.Empty;
        var itemId = action.GetString("itemId") ?? string.Empty;
        var department = action.GetString("department") ?? string.Empty;
        var meeting = await recorder.SeeAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var item = meeting?.FindItem(itemId);
        if (meeting is null || item is null
            || !(item.Lead.Contains(department, StringComparer.Ordinal) || item.Support.Contains(department, StringComparer.Ordinal))
            || !await access.MayActForAsync(turn.SenderAadObjectId, department, cancellationToken).ConfigureAwait(false))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(locale, "checklist.notYours"), cancellationToken).ConfigureAwait(false);
        }

        var today = ChecklistDelivery.Today(meeting, time);
        if (action.GetString("v") is { } version && version != ChecklistCard.VersionOf(item))
        {
            var stale = ChecklistCard.Build(new ChecklistView(meeting, department, locale, today, Banner: Texts.Get(locale, "checklist.stale"), BannerIsWarning: true, RefreshUserIds: ChecklistRefreshAction.RefreshUsers(turn)));
            return await turn.AnswerCardAsync(action, stale, cancellationToken).ConfigureAwait(false);
        }

        // The status picker's confirmation (and any extension request with its date input) is a reply, answered as one.
        var wire = action.GetString(ChecklistVerbs.StatusInput(itemId));
        if (action.GetString("source") == StatusPickerCard.Source || wire == StatusPickerCard.ExtensionValue)
        {
            return await picker.ConfirmAsync(turn, action, meeting, item, department, cancellationToken).ConfigureAwait(false);
        }

        var status = ProgressStatuses.Parse(wire) ?? ProgressStatus.InProgress;
        var percent = double.TryParse(action.GetString(ChecklistVerbs.PercentInput(itemId)), NumberStyles.Float, CultureInfo.InvariantCulture, out var pct)
            ? (int?)Math.Clamp((int)Math.Round(pct), 0, 100)
            : null;
        var record = ProgressRecords.From(turn, time, meetingId, itemId, department, ProgressRecords.KindOf(status), status, percent, action.GetString(ChecklistVerbs.NoteInput(itemId)));
        var updated = await recorder.RecordAsync(record, meeting, cancellationToken).ConfigureAwait(false);

        var saved = Texts.Format(locale, "checklist.saved", item.Number?.ToString(CultureInfo.InvariantCulture) ?? itemId, ProgressStatuses.Text(locale, status));
        var card = ChecklistCard.Build(new ChecklistView(updated, department, locale, today, Banner: saved, RefreshUserIds: ChecklistRefreshAction.RefreshUsers(turn)));
        return await turn.AnswerCardAsync(action, card, cancellationToken).ConfigureAwait(false);
    }
}
