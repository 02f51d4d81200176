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
        if (!turn.IsOrganiser(options.Value))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(turn.Locale, "import.refused"), cancellationToken).ConfigureAwait(false);
        }

        var meetingId = action.GetString("meetingId") ?? string.Empty;
        var stored = meetingId.Length == 0 ? null : await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return await turn.AnswerTextAsync(action, Texts.Get(turn.Locale, "review.meetingGone"), cancellationToken).ConfigureAwait(false);
        }

        var page = int.TryParse(action.GetString("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var review = new Review(turn, action, stored.Document, page, cancellationToken);
        if (action.Verb == ReviewVerbs.Publish)
        {
            return await PublishAsync(review).ConfigureAwait(false);
        }

        // A published meeting is not edited any more: every other button just shows the card again.
        if (review.Meeting.State != MeetingState.Draft)
        {
            return await AnswerAsync(review, review.Meeting).ConfigureAwait(false);
        }

        return action.Verb switch
        {
            ReviewVerbs.Open => await OpenAsync(review).ConfigureAwait(false),
            ReviewVerbs.DropItem => await DropAsync(review).ConfigureAwait(false),
            ReviewVerbs.DropUnassigned => await DropUnassignedAsync(review).ConfigureAwait(false),
            ReviewVerbs.SaveItem or ReviewVerbs.AddItem => await SaveItemAsync(review).ConfigureAwait(false),
            ReviewVerbs.MapActor => await MapActorAsync(review).ConfigureAwait(false),
            ReviewVerbs.SavePolicy => await SavePolicyAsync(review).ConfigureAwait(false),
            ReviewVerbs.SaveMeta => await SaveMetaAsync(review).ConfigureAwait(false),
            _ => await AnswerAsync(review, review.Meeting).ConfigureAwait(false),
        };
    }

    private async Task<InvokeResponse> PublishAsync(Review review)
    {
        var result = await publisher.PublishAsync(review.Meeting.Id, review.Turn, review.CancellationToken).ConfigureAwait(false);
        return await AnswerAsync(review, result.Meeting, banner: result.Message, warning: !result.Published).ConfigureAwait(false);
    }

    private Task<InvokeResponse> OpenAsync(Review review)
    {
        var mode = review.Action.GetString("mode") switch
        {
            "edit" => ReviewMode.Edit,
            "add" => ReviewMode.Add,
            "map" => ReviewMode.Map,
            "policy" => ReviewMode.Policy,
            "meta" => ReviewMode.Meta,
            _ => ReviewMode.List,
        };
        var argument = mode == ReviewMode.Map ? review.Action.GetString("actor") : review.Action.GetString("itemId");
        return AnswerAsync(review, review.Meeting, mode: mode, argument: argument);
    }

    private async Task<InvokeResponse> DropAsync(Review review)
    {
        var dropId = review.Action.GetString("itemId");
        var meeting = await UpdateAsync(review, m => m with { Items = [.. m.Items.Where(i => i.Id != dropId)] }).ConfigureAwait(false);
        return await AnswerAsync(review, meeting, banner: Texts.Get(review.Turn.Locale, "review.dropped")).ConfigureAwait(false);
    }

    /// <summary>Drops every item without a lead in one go: subjectless candidates the organiser does not want one by one.</summary>
    private async Task<InvokeResponse> DropUnassignedAsync(Review review)
    {
        var before = review.Meeting.Items.Count(i => i.Lead.Count == 0);
        var meeting = await UpdateAsync(review, m => m with { Items = [.. m.Items.Where(i => i.Lead.Count > 0)] }).ConfigureAwait(false);
        return await AnswerAsync(review, meeting, page: 0, banner: Texts.Format(review.Turn.Locale, "review.droppedUnassigned", before)).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> SaveItemAsync(Review review)
    {
        var (action, locale) = (review.Action, review.Turn.Locale);
        var adding = action.Verb == ReviewVerbs.AddItem;
        var formMode = adding ? ReviewMode.Add : ReviewMode.Edit;
        var task = action.GetString("task")?.Trim();
        var dueText = action.GetString("due");
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(dueText))
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return await AnswerAsync(review, review.Meeting, mode: formMode, argument: action.GetString("itemId"), banner: Texts.Format(locale, "review.invalidDate", dueText), warning: true).ConfigureAwait(false);
            }

            due = parsed;
        }

        if (string.IsNullOrEmpty(task))
        {
            return await AnswerAsync(review, review.Meeting, mode: formMode, argument: action.GetString("itemId"), banner: Texts.Get(locale, "review.needTask"), warning: true).ConfigureAwait(false);
        }

        var known = (await directory.GetAsync(review.CancellationToken).ConfigureAwait(false)).Departments.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var lead = Split(action.GetString("lead"));
        var support = Split(action.GetString("support")).Where(s => !lead.Contains(s, StringComparer.Ordinal)).ToList();
        var unknown = lead.Concat(support).Where(n => !known.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        MeetingDocument meeting;
        var page = review.Page;
        if (adding)
        {
            meeting = await UpdateAsync(review, m => m with
            {
                Items = [.. m.Items, new MeetingItem { Id = NextItemId(m), Task = task, Lead = lead, Support = support, Due = due, UnknownActors = unknown }],
            }).ConfigureAwait(false);
            page = Math.Max(0, (meeting.Items.Count(i => i.Lead.Count > 0) - 1) / ReviewCard.PageSize);
        }
        else
        {
            var itemId = action.GetString("itemId");
            meeting = await UpdateAsync(review, m => m with
            {
                Items = [.. m.Items.Select(i => i.Id == itemId
                    ? i with { Task = task, Lead = lead, Support = support, Due = due, DeadlineText = due == i.Due ? i.DeadlineText : null, UnknownActors = unknown, Origin = null }
                    : i)],
            }).ConfigureAwait(false);
        }

        return await AnswerAsync(review, meeting, page: page, banner: Texts.Get(locale, "review.saved")).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> MapActorAsync(Review review)
    {
        var actor = review.Action.GetString("actor");
        var department = review.Action.GetString("dept");
        var directoryNow = await directory.GetAsync(review.CancellationToken).ConfigureAwait(false);
        if (actor is null || department is null || directoryNow.Departments.All(d => d.Name != department))
        {
            return await AnswerAsync(review, review.Meeting, mode: ReviewMode.Map, argument: actor).ConfigureAwait(false);
        }

        var meeting = await UpdateAsync(review, m => m with { Items = [.. m.Items.Select(i => Map(i, actor, department))] }).ConfigureAwait(false);
        if (review.Action.GetString("remember") != "false")
        {
            await directory.AddAliasAsync(department, actor, review.CancellationToken).ConfigureAwait(false);
        }

        return await AnswerAsync(review, meeting, banner: Texts.Format(review.Turn.Locale, "review.mapped", actor, department)).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> SavePolicyAsync(Review review)
    {
        var action = review.Action;
        var (policy, problems) = ReminderPolicyRules.Read(action.GetString("cron"), action.GetString("before"), action.GetString("escalate"), action.GetString("quiet"));
        if (policy is null)
        {
            // Say what is wrong, and show the form again with what was typed.
            var typed = new ReminderPolicy { Cron = action.GetString("cron"), QuietHours = action.GetString("quiet"), DaysBeforeDue = Int(action.GetString("before")), EscalateAfterDays = Int(action.GetString("escalate")) };
            return await AnswerAsync(review, review.Meeting with { Reminders = typed }, mode: ReviewMode.Policy, banner: ReminderPolicyRules.Describe(problems, review.Turn.Locale), warning: true).ConfigureAwait(false);
        }

        var meeting = await UpdateAsync(review, m => m with { Reminders = policy }).ConfigureAwait(false);
        return await AnswerAsync(review, meeting, banner: Texts.Get(review.Turn.Locale, "review.saved")).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> SaveMetaAsync(Review review)
    {
        var title = review.Action.GetString("title")?.Trim();
        DateOnly? date = DateOnly.TryParseExact(review.Action.GetString("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var md) ? md : null;
        var meeting = await UpdateAsync(review, m => m with { Title = string.IsNullOrEmpty(title) ? m.Title : title, MeetingDate = date ?? m.MeetingDate }).ConfigureAwait(false);
        return await AnswerAsync(review, meeting, banner: Texts.Get(review.Turn.Locale, "review.saved")).ConfigureAwait(false);
    }

    private async Task<InvokeResponse> AnswerAsync(
        Review review,
        MeetingDocument meeting,
        ReviewMode mode = ReviewMode.List,
        string? argument = null,
        string? banner = null,
        bool warning = false,
        int? page = null)
    {
        var card = await reviews.BuildAsync(meeting, review.Turn.Locale, page ?? review.Page, mode, argument, banner, warning, review.CancellationToken).ConfigureAwait(false);
        return await review.Turn.AnswerCardAsync(review.Action, card, review.CancellationToken).ConfigureAwait(false);
    }

    private Task<MeetingDocument> UpdateAsync(Review review, Func<MeetingDocument, MeetingDocument> change) =>
        UpdateAsync(review.Meeting.Id, change, review.CancellationToken);

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


    /// <summary>One button press on the review card: who pressed it, on which meeting (as read), and the page shown.</summary>
    private sealed record Review(TurnContext Turn, CardActionRequest Action, MeetingDocument Meeting, int Page, CancellationToken CancellationToken);
}
