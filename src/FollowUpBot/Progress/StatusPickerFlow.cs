using System.Globalization;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Teams;

namespace FollowUpBot.Progress;

/// <summary>
/// The status picker (<see cref="StatusPickerCard"/>) in the chat: shown for a free-text reply the parser is unsure of,
/// with nothing stored; confirmed by a tap that comes back as <c>progress.report</c> with <c>source: picker</c>, which
/// <see cref="ProgressReportAction"/> hands here once it has checked who may report and that the picker is not stale.
/// Only what the sender confirmed is stored: one progress record (or extension request) with the note as sent.
/// </summary>
internal sealed class StatusPickerFlow(ProgressRecorder recorder, ReplyRecorder replies, TimeProvider time)
{
    /// <summary>Answers the reply with the picker for the item; nothing is stored.</summary>
    public async Task ShowAsync(TurnContext turn, OpenItem target, ParsedReply parsed, string text, CancellationToken cancellationToken)
    {
        var meeting = await recorder.SeeAsync(target.MeetingId, cancellationToken).ConfigureAwait(false);
        var item = meeting?.FindItem(target.ItemId);
        if (meeting is null || item is null || !ReplyRecorder.IsOn(item, target.Department))
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "checklist.notYours"), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.ReplyCardAsync(StatusPickerCard.Build(new StatusPickerView(meeting, item, target.Department, parsed, text, turn.Locale)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A tap on the picker (or any report whose status is an extension request), after the caller checked the sender may
    /// act for the department on this item and the card is current. An extension needs a date after today from the
    /// date input; anything the data lacks is refused with nothing stored.
    /// </summary>
    public async Task<InvokeResponse> ConfirmAsync(TurnContext turn, CardActionRequest action, MeetingDocument meeting, MeetingItem item, string department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        var locale = turn.Locale;
        var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? item.Id;
        var wire = action.GetString(ChecklistVerbs.StatusInput(item.Id));
        var extension = wire == StatusPickerCard.ExtensionValue;
        var status = ProgressStatuses.Parse(wire);
        if (!extension && status is null)
        {
            return await turn.AnswerTextAsync(action, Texts.Get(locale, "reply.notUnderstood"), cancellationToken).ConfigureAwait(false);
        }

        DateOnly? due = null;
        if (extension)
        {
            if (!DateOnly.TryParseExact(action.GetString(StatusPickerCard.DueInput(item.Id))?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return await turn.AnswerTextAsync(action, Texts.Format(locale, "picker.extensionNoDate", number), cancellationToken).ConfigureAwait(false);
            }

            var today = ChecklistDelivery.Today(meeting, time);
            if (date <= today)
            {
                return await turn.AnswerTextAsync(action, Texts.Format(locale, "picker.extensionPast", number, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
            }

            due = date;
        }

        var percent = double.TryParse(action.GetString(ChecklistVerbs.PercentInput(item.Id)), NumberStyles.Float, CultureInfo.InvariantCulture, out var pct)
            ? (int?)Math.Clamp((int)Math.Round(pct), 0, 100)
            : null;
        var facts = new ReplyFacts(status, extension, percent, due, action.GetString(ChecklistVerbs.NoteInput(item.Id)));
        var outcome = await replies.RecordOnAsync(turn, meeting, item, department, facts, cancellationToken).ConfigureAwait(false);
        return outcome.Card is { } card
            ? await turn.AnswerCardAsync(action, card, cancellationToken).ConfigureAwait(false)
            : await turn.AnswerTextAsync(action, outcome.Refusal ?? Texts.Get(locale, "reply.notUnderstood"), cancellationToken).ConfigureAwait(false);
    }
}
