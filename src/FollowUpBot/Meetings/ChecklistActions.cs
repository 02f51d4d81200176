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
