using System.Globalization;
using FollowUpBot.Departments;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Reminders;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Meetings;

/// <summary>
/// Every button of the review card (verbs <c>draft.*</c>): paging, opening a form, saving an edit, dropping,
/// adding, mapping an unknown actor (and remembering the alias), the reminder policy, title and date, and Publish.
/// Only organisers; each change is an ETag-conditional update of the draft, answered with the refreshed card.
/// </summary>
internal sealed class ReviewActions(
    MeetingLedger ledger,
    DirectoryStore directory,
    ReviewCardFactory reviews,
    MeetingPublisher publisher,
    IOptions<FollowUpOptions> options) : ICardActionHandler
{
    public string Verb => ReviewVerbs.Prefix + "*";

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        if (!turn.IsOrganiser(options.Value))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(locale, "import.refused"), cancellationToken).ConfigureAwait(false);
        }

        var meetingId = action.GetString("meetingId") ?? string.Empty;
        var page = int.TryParse(action.GetString("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var stored = meetingId.Length == 0 ? null : await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return await turn.AnswerTextAsync(action, Texts.Get(locale, "review.meetingGone"), cancellationToken).ConfigureAwait(false);
        }

        var meeting = stored.Document;
        if (action.Verb == ReviewVerbs.Publish)
        {
            var result = await publisher.PublishAsync(meetingId, turn, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(result.Meeting, page, ReviewMode.List, null, result.Message, warning: !result.Published).ConfigureAwait(false);
        }

        if (meeting.State != MeetingState.Draft || action.Verb == ReviewVerbs.Page)
        {
            return await AnswerAsync(meeting, page, ReviewMode.List, null, null).ConfigureAwait(false);
        }

        switch (action.Verb)
        {
            case ReviewVerbs.Open:
                var mode = action.GetString("mode") switch
                {
                    "edit" => ReviewMode.Edit,
                    "add" => ReviewMode.Add,
                    "map" => ReviewMode.Map,
                    "policy" => ReviewMode.Policy,
                    "meta" => ReviewMode.Meta,
                    _ => ReviewMode.List,
                };
                return await AnswerAsync(meeting, page, mode, mode == ReviewMode.Map ? action.GetString("actor") : action.GetString("itemId"), null).ConfigureAwait(false);

            case ReviewVerbs.DropItem:
                var dropId = action.GetString("itemId");
                meeting = await UpdateAsync(meetingId, m => m with { Items = [.. m.Items.Where(i => i.Id != dropId)] }, cancellationToken).ConfigureAwait(false);
                return await AnswerAsync(meeting, page, ReviewMode.List, null, Texts.Get(locale, "review.dropped")).ConfigureAwait(false);

            case ReviewVerbs.SaveItem or ReviewVerbs.AddItem:
                var task = action.GetString("task")?.Trim();
                var dueText = action.GetString("due");
                DateOnly? due = null;
                if (!string.IsNullOrWhiteSpace(dueText))
                {
                    if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        return await AnswerAsync(meeting, page, action.Verb == ReviewVerbs.AddItem ? ReviewMode.Add : ReviewMode.Edit, action.GetString("itemId"), Texts.Format(locale, "review.invalidDate", dueText), warning: true).ConfigureAwait(false);
                    }

                    due = parsed;
                }

                if (string.IsNullOrEmpty(task))
                {
                    return await AnswerAsync(meeting, page, action.Verb == ReviewVerbs.AddItem ? ReviewMode.Add : ReviewMode.Edit, action.GetString("itemId"), Texts.Get(locale, "review.needTask"), warning: true).ConfigureAwait(false);
                }

                var known = (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
                var lead = Split(action.GetString("lead"));
                var support = Split(action.GetString("support")).Where(s => !lead.Contains(s, StringComparer.Ordinal)).ToList();
                var unknown = lead.Concat(support).Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
                if (action.Verb == ReviewVerbs.AddItem)
                {
                    meeting = await UpdateAsync(meetingId, m => m with
                    {
                        Items = [.. m.Items, new MeetingItem { Id = NextItemId(m), Task = task, Lead = lead, Support = support, Due = due, UnknownActors = unknown }],
                    }, cancellationToken).ConfigureAwait(false);
                    page = Math.Max(0, (meeting.Items.Count - 1) / ReviewCard.PageSize);
                }
                else
                {
                    var itemId = action.GetString("itemId");
                    meeting = await UpdateAsync(meetingId, m => m with
                    {
                        Items = [.. m.Items.Select(i => i.Id == itemId
                            ? i with { Task = task, Lead = lead, Support = support, Due = due, DeadlineText = due == i.Due ? i.DeadlineText : null, UnknownActors = unknown }
                            : i)],
                    }, cancellationToken).ConfigureAwait(false);
                }

                return await AnswerAsync(meeting, page, ReviewMode.List, null, Texts.Get(locale, "review.saved")).ConfigureAwait(false);

            case ReviewVerbs.MapActor:
                var actor = action.GetString("actor");
                var department = action.GetString("dept");
                var directoryNow = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
                if (actor is null || department is null || directoryNow.Departments.All(d => d.Name != department))
                {
                    return await AnswerAsync(meeting, page, ReviewMode.Map, actor, null).ConfigureAwait(false);
                }

                meeting = await UpdateAsync(meetingId, m => m with { Items = [.. m.Items.Select(i => Map(i, actor, department))] }, cancellationToken).ConfigureAwait(false);
                if (action.GetString("remember") != "false")
                {
                    await directory.AddAliasAsync(department, actor, cancellationToken).ConfigureAwait(false);
                }

                return await AnswerAsync(meeting, page, ReviewMode.List, null, Texts.Format(locale, "review.mapped", actor, department)).ConfigureAwait(false);

            case ReviewVerbs.SavePolicy:
                var (policy, problems) = ReminderPolicyRules.Read(action.GetString("cron"), action.GetString("before"), action.GetString("escalate"), action.GetString("quiet"));
                if (policy is null)
                {
                    // Say what is wrong, and show the form again with what was typed.
                    var typed = new ReminderPolicy { Cron = action.GetString("cron"), QuietHours = action.GetString("quiet"), DaysBeforeDue = Int(action.GetString("before")), EscalateAfterDays = Int(action.GetString("escalate")) };
                    return await AnswerAsync(meeting with { Reminders = typed }, page, ReviewMode.Policy, null, ReminderPolicyRules.Describe(problems, locale), warning: true).ConfigureAwait(false);
                }

                meeting = await UpdateAsync(meetingId, m => m with { Reminders = policy }, cancellationToken).ConfigureAwait(false);
                return await AnswerAsync(meeting, page, ReviewMode.List, null, Texts.Get(locale, "review.saved")).ConfigureAwait(false);

            case ReviewVerbs.SaveMeta:
                var title = action.GetString("title")?.Trim();
                var dateText = action.GetString("date");
                DateOnly? date = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var md) ? md : null;
                meeting = await UpdateAsync(meetingId, m => m with { Title = string.IsNullOrEmpty(title) ? m.Title : title, MeetingDate = date ?? m.MeetingDate }, cancellationToken).ConfigureAwait(false);
                return await AnswerAsync(meeting, page, ReviewMode.List, null, Texts.Get(locale, "review.saved")).ConfigureAwait(false);

            default:
                return await AnswerAsync(meeting, page, ReviewMode.List, null, null).ConfigureAwait(false);
        }

        async Task<InvokeResponse> AnswerAsync(MeetingDocument m, int pageNumber, ReviewMode mode, string? argument, string? banner, bool warning = false) =>
            await turn.AnswerCardAsync(action, await reviews.BuildAsync(m, locale, pageNumber, mode, argument, banner, warning, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task<MeetingDocument> UpdateAsync(string meetingId, Func<MeetingDocument, MeetingDocument> change, CancellationToken cancellationToken) =>
        // A draft that was published meanwhile is not edited any more.
        (await ledger.UpdateMeetingAsync(meetingId, m => m.State == MeetingState.Draft ? change(m) : m, cancellationToken).ConfigureAwait(false)).Document;

    private static MeetingItem Map(MeetingItem item, string actor, string department)
    {
        if (!item.UnknownActors.Contains(actor, StringComparer.Ordinal))
        {
            return item;
        }

        IReadOnlyList<string> Replace(IReadOnlyList<string> names) => [.. names.Select(n => n == actor ? department : n).Distinct(StringComparer.Ordinal)];
        var lead = Replace(item.Lead);
        return item with
        {
            Lead = lead,
            Support = [.. Replace(item.Support).Where(s => !lead.Contains(s, StringComparer.Ordinal))],
            UnknownActors = [.. item.UnknownActors.Where(a => a != actor)],
        };
    }

    private static List<string> Split(string? values) =>
        string.IsNullOrWhiteSpace(values) ? [] : [.. values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string NextItemId(MeetingDocument meeting)
    {
        var next = meeting.Items.Select(i => int.TryParse(i.Id.TrimStart('i'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return "i" + next.ToString(CultureInfo.InvariantCulture);
    }

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
