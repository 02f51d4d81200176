using System.Globalization;
using FollowUpBot.Checklists;
using FollowUpBot.Departments;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Meetings;

/// <summary>Who may see and report on a department's items: its contacts in the directory, and organisers.</summary>
internal sealed class DepartmentAccess(DirectoryStore directory, IOptions<FollowUpOptions> options)
{
    public async Task<bool> MayActForAsync(string? aadObjectId, string department, CancellationToken cancellationToken = default)
    {
        if (options.Value.IsOrganiser(aadObjectId))
        {
            return true;
        }

        return aadObjectId is not null && (await DepartmentsOfAsync(aadObjectId, cancellationToken).ConfigureAwait(false)).Contains(department, StringComparer.Ordinal);
    }

    /// <summary>The departments that list this person as a contact.</summary>
    public async Task<IReadOnlyList<string>> DepartmentsOfAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        [.. (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments
            .Where(d => d.Contacts.Any(c => string.Equals(c.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase)))
            .Select(d => d.Name)];
}

/// <summary><c>checklist.refresh</c>: the current checklist (Universal Actions refresh, paging, "more").</summary>
internal sealed class ChecklistRefreshAction(MeetingLedger ledger, DepartmentAccess access, TimeProvider time) : ICardActionHandler
{
    public string Verb => ChecklistVerbs.Refresh;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var meetingId = action.GetString("meetingId") ?? string.Empty;
        var department = action.GetString("department") ?? string.Empty;
        var page = int.TryParse(action.GetString("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var meeting = meetingId.Length == 0 ? null : (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;
        if (meeting is null || !await access.MayActForAsync(turn.SenderAadObjectId, department, cancellationToken).ConfigureAwait(false))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(turn.Locale, "checklist.notYours"), cancellationToken).ConfigureAwait(false);
        }

        var card = ChecklistCard.Build(new ChecklistView(meeting, department, turn.Locale, ChecklistDelivery.Today(meeting, time), page, RefreshUserIds: RefreshUsers(turn)));
        return await turn.AnswerCardAsync(action, card, cancellationToken).ConfigureAwait(false);
    }

    public static IReadOnlyList<string>? RefreshUsers(TurnContext turn) =>
        turn.Activity.Conversation?.ConversationType == "personal" && turn.Activity.From?.Id is { } id ? [id] : null;
}

/// <summary>
/// <c>progress.report</c> on a checklist card (DESIGN.md flow 4): only the department's contacts or an organiser;
/// a card older than the item's current state is refreshed and told, never applied; otherwise one append-only
/// progress record (named from the activity, so a retried invoke is stored once), the item's state updated,
/// the refreshed card returned, and the other messages showing the item updated in the background.
/// </summary>
internal sealed class ProgressReportAction(
    MeetingLedger ledger,
    DepartmentAccess access,
    BackgroundWorkQueue background,
    TimeProvider time) : ICardActionHandler
{
    public string Verb => ChecklistVerbs.Report;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var meetingId = action.GetString("meetingId") ?? string.Empty;
        var itemId = action.GetString("itemId") ?? string.Empty;
        var department = action.GetString("department") ?? string.Empty;
        var stored = meetingId.Length == 0 ? null : await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var meeting = stored?.Document;
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

        var status = action.GetString(ChecklistVerbs.StatusInput(itemId)) switch
        {
            "notStarted" => ProgressStatus.NotStarted,
            "blocked" => ProgressStatus.Blocked,
            "completionRequested" => ProgressStatus.CompletionRequested,
            _ => ProgressStatus.InProgress,
        };
        var percent = double.TryParse(action.GetString(ChecklistVerbs.PercentInput(itemId)), NumberStyles.Float, CultureInfo.InvariantCulture, out var pct)
            ? (int?)Math.Clamp((int)Math.Round(pct), 0, 100)
            : null;
        var note = action.GetString(ChecklistVerbs.NoteInput(itemId))?.Trim();
        var record = new ProgressRecord
        {
            MeetingId = meetingId,
            ItemId = itemId,
            Kind = status == ProgressStatus.CompletionRequested ? ProgressKind.CompletionRequest : ProgressKind.Progress,
            Department = department,
            By = turn.Sender(),
            At = turn.Activity.Timestamp ?? time.GetUtcNow(),
            Status = status,
            Percent = percent,
            Note = string.IsNullOrEmpty(note) ? null : note,
            ConversationId = turn.Activity.Conversation?.Id ?? "unknown",
            ActivityId = turn.Activity.Id ?? Guid.NewGuid().ToString("N"),
        };
        var result = await ledger.AppendProgressAsync(record, stored, cancellationToken).ConfigureAwait(false);
        var updated = result.Meeting.Document;
        var departments = updated.FindItem(itemId)!.Departments.Select(d => d.Department).ToList();
        var pressed = turn.Activity.ReplyToId;
        background.Enqueue((services, stopping) => services.GetRequiredService<ChecklistDelivery>().UpdateCardsAsync(meetingId, departments, pressed, stopping));

        var saved = Texts.Format(locale, "checklist.saved", item.Number?.ToString(CultureInfo.InvariantCulture) ?? itemId, ChecklistCard.StatusText(locale, status));
        var card = ChecklistCard.Build(new ChecklistView(updated, department, locale, today, Banner: saved, RefreshUserIds: ChecklistRefreshAction.RefreshUsers(turn)));
        return await turn.AnswerCardAsync(action, card, cancellationToken).ConfigureAwait(false);
    }
}
