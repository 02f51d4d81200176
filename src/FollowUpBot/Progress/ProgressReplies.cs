using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Progress;

/// <summary>The verbs of reply cards: pick the item an ambiguous reply meant, and undo a recorded reply.</summary>
internal static class ReplyVerbs
{
    public const string Pick = "reply.pick";
    public const string Undo = "reply.undo";
}

/// <summary>What a reply says, in the form the verbs carry it.</summary>
internal sealed record ReplyFacts(ProgressStatus? Status, bool Extension, int? Percent, DateOnly? NewDue, string? Note);

/// <summary>What recording a reply came to: the answer card, or why nothing was stored.</summary>
internal sealed record ReplyOutcome(AdaptiveCard? Card, string? Refusal);

/// <summary>
/// Records a department's reply as one progress record and answers what was understood, with an undo button.
/// Shared by free text, the "which item?" question, the status picker and undo.
/// </summary>
internal sealed class ReplyRecorder(ProgressRecorder recorder, TimeProvider time)
{
    /// <summary>The answer card; null when nothing was recorded (the sender was told why).</summary>
    public async Task<AdaptiveCard?> RecordAsync(TurnContext turn, OpenItem target, ReplyFacts facts, CancellationToken cancellationToken)
    {
        var meeting = await recorder.SeeAsync(target.MeetingId, cancellationToken).ConfigureAwait(false);
        var item = meeting?.FindItem(target.ItemId);
        var outcome = meeting is null || item is null || !IsOn(item, target.Department)
            ? new ReplyOutcome(null, Texts.Get(turn.Locale, "checklist.notYours"))
            : await RecordOnAsync(turn, meeting, item, target.Department, facts, cancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            await turn.ReplyTextAsync(refusal, cancellationToken).ConfigureAwait(false);
        }

        return outcome.Card;
    }

    /// <summary>Records the reply on an item the caller has read and checked the sender may report on.</summary>
    public async Task<ReplyOutcome> RecordOnAsync(TurnContext turn, MeetingDocument meeting, MeetingItem item, string department, ReplyFacts facts, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? item.Id;
        if (facts.Extension && facts.NewDue is null)
        {
            return new ReplyOutcome(null, Texts.Format(locale, "reply.extensionNoDate", number));
        }

        var previous = item.FindDepartment(department);
        ProgressStatus? status = facts.Extension ? null : facts.Status ?? ProgressStatus.InProgress;
        var kind = facts.Extension ? ProgressKind.ExtensionRequest : ProgressRecords.KindOf(status!.Value);
        var record = ProgressRecords.From(turn, time, meeting.Id, item.Id, department, kind, status, facts.Percent, facts.Note, facts.Extension ? facts.NewDue : null);
        await recorder.RecordAsync(record, meeting, cancellationToken).ConfigureAwait(false);

        var said = facts.Extension
            ? Texts.Format(locale, "reply.extension", number, meeting.Title, facts.NewDue!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : Texts.Format(locale, "reply.understood", number, meeting.Title,
                ProgressStatuses.Text(locale, status!.Value) + (facts.Percent is { } p ? $" · {p}%" : string.Empty));
        var body = new List<CardElement> { new TextBlock(said) { Weight = "bolder" } };
        if (facts.Note is { Length: > 0 } note)
        {
            body.Add(new TextBlock(Texts.Format(locale, "reply.note", note)) { IsSubtle = true });
        }

        return new ReplyOutcome(new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = said,
            Body = body,
            Actions =
            [
                CardActions.Execute(Texts.Get(locale, "reply.undo"), ReplyVerbs.Undo,
                    ("meetingId", meeting.Id), ("itemId", item.Id), ("department", department),
                    ("status", ProgressStatuses.Value(previous?.Status ?? ProgressStatus.NotStarted)),
                    ("percent", previous?.Percent?.ToString(CultureInfo.InvariantCulture))),
            ],
        }, null);
    }

    /// <summary>Whether the department is one of the item's (lead or supporting): reassigned items refuse old cards and replies.</summary>
    public static bool IsOn(MeetingItem item, string department) =>
        item.Lead.Contains(department, StringComparer.Ordinal) || item.Support.Contains(department, StringComparer.Ordinal);
}

/// <summary>
/// DESIGN.md routing, after import and commands: a department contact's free text ("2 已完成 …", "#3 60% …",
/// "3 blocked: …", "特申请延期至10月20日") read by <see cref="ReplyParser"/>, the same parser as
/// <c>followup parse-reply</c>, and decided by <see cref="ReplyDecision"/>: a sure reply on one item is stored; an
/// unsure one (no status, or a confidence below <see cref="ReplyParser.ConfirmBelow"/>) gets the status picker and
/// stores nothing until the sender taps a status; an unclear item gets the "which item?" card, never a guess. Text that
/// reads as no report at all falls through to help.
/// </summary>
internal sealed class ProgressReplyCommand(
    DepartmentAccess access,
    OpenItemFinder finder,
    ReplyRecorder recorder,
    StatusPickerFlow picker,
    ReplyUndoFlow undo,
    LastAskedItems lastAsked,
    ReplyReader reader,
    IOptions<FollowUpOptions> options,
    TimeProvider time) : IMessageHandler
{
    public int Order => 50;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.SenderAadObjectId is not { } aad || turn.Text.Length == 0)
        {
            return false;
        }

        var departments = await access.DepartmentsOfAsync(aad, cancellationToken).ConfigureAwait(false);
        if (departments.Count == 0)
        {
            return false;
        }

        var open = await finder.ForDepartmentsAsync(departments, cancellationToken).ConfigureAwait(false);
        var numbers = open.Where(o => o.Number is not null).Select(o => o.Number!.Value).Distinct().ToList();
        var today = turn.Today(time, options.Value.TimeZone);
        var parsed = reader.Read(turn.Text, new ReplyContext(today, numbers));
        var defaultItem = await DefaultItemAsync(turn, parsed, open, cancellationToken).ConfigureAwait(false);
        if (defaultItem is not null)
        {
            parsed = reader.Read(turn.Text, new ReplyContext(today, numbers, defaultItem.Number));
        }

        var decision = ReplyDecision.Decide(parsed, turn.Text, open, defaultItem);
        switch (decision.Step)
        {
            case ReplyStep.NotAReply:
                return false;
            case ReplyStep.Undo:
                var target = decision.Items[0];
                await turn.ReplyTextAsync(await undo.UndoAsync(turn, target.MeetingId, target.ItemId, target.Department, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return true;
            case ReplyStep.NoOpenItems:
                await turn.ReplyTextAsync(Texts.Get(turn.Locale, "reply.noOpenItems"), cancellationToken).ConfigureAwait(false);
                return true;
            case ReplyStep.Confirm:
                await picker.ShowAsync(turn, decision.Items[0], parsed, turn.Text, cancellationToken).ConfigureAwait(false);
                return true;
            case ReplyStep.Record:
                var card = await recorder.RecordAsync(turn, decision.Items[0], Facts(parsed), cancellationToken).ConfigureAwait(false);
                if (card is not null)
                {
                    await turn.ReplyCardAsync(card, cancellationToken).ConfigureAwait(false);
                }

                return true;
            default:
                await turn.ReplyCardAsync(WhichItemCard(turn.Locale, decision, parsed, turn.Text), cancellationToken).ConfigureAwait(false);
                return true;
        }
    }

    /// <summary>
    /// The item the conversation's last reminder or checklist named, for a reply that names none from a contact with
    /// several open items (one read; none when the text names an item or the sender has only one).
    /// </summary>
    private async Task<OpenItem?> DefaultItemAsync(TurnContext turn, ParsedReply parsed, List<OpenItem> open, CancellationToken cancellationToken)
    {
        if (open.Count < 2 || parsed.Item is not null || parsed.MentionedItems.Count > 0)
        {
            return null;
        }

        var asked = await lastAsked.GetAsync(turn.TenantId, turn.Activity.Conversation?.Id, cancellationToken).ConfigureAwait(false);
        var matches = asked is null ? [] : open.Where(o => o.MeetingId == asked.MeetingId && o.ItemId == asked.ItemId && o.Number is not null).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static ReplyFacts Facts(ParsedReply parsed) => new(
        ProgressStatuses.FromReply(parsed.Status),
        parsed.Status == ReplyStatus.Extension,
        parsed.Percent,
        parsed.NewDue,
        parsed.Note);

    /// <summary>The input of the "which item?" card that carries an unsure reply's text once (not on each button) to the picker that follows.</summary>
    public const string TextInput = "replyText";

    /// <summary>
    /// "Which item?": one button per candidate. A sure reply's buttons carry what it says and record on the tap; an unsure
    /// reply's buttons lead to the status picker for the chosen item (the text rides in <see cref="TextInput"/>).
    /// </summary>
    private static AdaptiveCard WhichItemCard(UiLocale locale, ReplyDecision decision, ParsedReply parsed, string text)
    {
        var facts = Facts(parsed);
        var understood = decision.IsUndo
            ? Texts.Get(locale, "reply.undo")
            : decision.Unsure && parsed.Status is null && parsed.Percent is null
            ? Texts.Get(locale, "picker.noStatus")
            : facts.Extension
                ? Texts.Get(locale, "review.due") + " → " + facts.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : ProgressStatuses.Text(locale, facts.Status ?? ProgressStatus.InProgress) + (facts.Percent is { } p ? $" · {p}%" : string.Empty);
        var buttons = decision.Items.Take(12).Select(o => (CardElement)new ActionSet(
        [
            CardActions.Execute($"{o.Number}. {CardActions.Truncate(o.Entry.Task, 40)} — {o.Entry.MeetingTitle} ({o.Department})", ReplyVerbs.Pick,
                decision.IsUndo
                    ? [("meetingId", o.MeetingId), ("itemId", o.ItemId), ("department", o.Department), ("undo", "true")]
                    : decision.Unsure
                    ? [("meetingId", o.MeetingId), ("itemId", o.ItemId), ("department", o.Department), ("confirm", "true")]
                    : [("meetingId", o.MeetingId), ("itemId", o.ItemId), ("department", o.Department),
                        ("status", facts.Status is { } s ? ProgressStatuses.Value(s) : null), ("extension", facts.Extension ? "true" : null),
                        ("percent", facts.Percent?.ToString(CultureInfo.InvariantCulture)),
                        ("newDue", facts.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("note", facts.Note)]),
        ]));
        List<CardElement> body = [new TextBlock(Texts.Get(locale, "reply.whichItem")) { Weight = "bolder" }, new TextBlock(Texts.Format(locale, "reply.whichItemHint", understood)) { IsSubtle = true }];
        if (decision.Unsure && !decision.IsUndo)
        {
            body.Add(new InputText { Id = TextInput, Label = Texts.Get(locale, "picker.yourReply"), IsMultiline = true, MaxLength = 2000, Value = CardActions.Truncate(text.Trim(), 2000) });
        }

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = Texts.Get(locale, "reply.whichItem"),
            Body = [.. body, .. buttons],
        };
    }
}

/// <summary>
/// <c>reply.pick</c> (the item chosen on the question card: recorded, or the status picker for an unsure reply) and
/// <c>reply.undo</c>.
/// </summary>
internal sealed class ReplyActions(ProgressRecorder recorder, DepartmentAccess access, ReplyRecorder replies, ReplyUndoFlow undo, ReplyReader reader, Assist.PickerAssist assist, TimeProvider time) : ICardActionHandler
{
    public string Verb => "reply.*";

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var department = action.GetString("department") ?? string.Empty;
        var meeting = await recorder.SeeAsync(action.GetString("meetingId") ?? string.Empty, cancellationToken).ConfigureAwait(false);
        var item = meeting?.FindItem(action.GetString("itemId") ?? string.Empty);
        if (meeting is null || item is null || !ReplyRecorder.IsOn(item, department)
            || !await access.MayActForAsync(turn.SenderAadObjectId, department, cancellationToken).ConfigureAwait(false))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(locale, "checklist.notYours"), cancellationToken).ConfigureAwait(false);
        }

        var percent = int.TryParse(action.GetString("percent"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? (int?)p : null;
        if (action.Verb == ReplyVerbs.Undo)
        {
            var status = ProgressStatuses.Parse(action.GetString("status")) ?? ProgressStatus.NotStarted;
            var record = ProgressRecords.From(turn, time, meeting.Id, item.Id, department, ProgressKind.Progress, status, percent);
            await recorder.RecordAsync(record, meeting, cancellationToken).ConfigureAwait(false);
            return await turn.AnswerTextAsync(action, Texts.Format(locale, "reply.undone", item.Number, ProgressStatuses.Text(locale, status)), cancellationToken).ConfigureAwait(false);
        }

        if (action.GetString("undo") == "true")
        {
            // "撤销" without an item number: the item chosen on the question card.
            return await turn.AnswerTextAsync(action, await undo.UndoAsync(turn, meeting.Id, item.Id, department, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        if (action.GetString("confirm") == "true")
        {
            // An unsure reply: the chosen item's status picker, read again from the text the question card carried.
            var text = action.GetString(ProgressReplyCommand.TextInput) ?? string.Empty;
            var numbers = item.Number is { } n ? new[] { n } : null;
            var parsed = reader.Read(text, new ReplyContext(ChecklistDelivery.Today(meeting, time), numbers, item.Number));
            var view = new StatusPickerView(meeting, item, department, parsed, text, locale);
            var answer = await turn.AnswerCardAsync(action, StatusPickerCard.Build(view), cancellationToken).ConfigureAwait(false);

            // The picker replaced the question card (the message pressed): that is the message the AI assist may pre-fill.
            assist.Start(turn, turn.Activity.ReplyToId, view);
            return answer;
        }

        var target = new OpenItem(LedgerIndex.OpenEntries(meeting, department).FirstOrDefault(e => e.ItemId == item.Id)
            ?? new OpenItemEntry { MeetingId = meeting.Id, MeetingTitle = meeting.Title, ItemId = item.Id, Number = item.Number, Task = item.Task }, department);
        var facts = new ReplyFacts(
            ProgressStatuses.Parse(action.GetString("status")),
            action.GetString("extension") == "true",
            percent,
            DateOnly.TryParseExact(action.GetString("newDue"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            action.GetString("note"));
        var card = await replies.RecordAsync(turn, target, facts, cancellationToken).ConfigureAwait(false);
        return card is null
            ? InvokeResponse.Message(Texts.Get(locale, "reply.notUnderstood"))
            : await turn.AnswerCardAsync(action, card, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>my tasks</c> / <c>我的任务</c>: the sender's open items across meetings, as their checklist cards.</summary>
internal sealed class MyTasksCommand(DepartmentAccess access, OpenItemFinder finder, ProgressRecorder recorder, TimeProvider time) : IMessageHandler
{
    public int Order => 40;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Text.Trim().TrimEnd('。', '.', '!', '！').ToLowerInvariant() is not ("my tasks" or "tasks" or "我的任务" or "任务" or "我的事项"))
        {
            return false;
        }

        var departments = turn.SenderAadObjectId is { } aad ? await access.DepartmentsOfAsync(aad, cancellationToken).ConfigureAwait(false) : [];
        if (departments.Count == 0)
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "tasks.notContact"), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var open = await finder.ForDepartmentsAsync(departments, cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "tasks.none"), cancellationToken).ConfigureAwait(false);
            return true;
        }

        // One checklist per meeting and department, newest meetings first; a handful at most in one answer.
        foreach (var group in open.GroupBy(o => (o.MeetingId, o.Department)).Take(5))
        {
            if (await recorder.SeeAsync(group.Key.MeetingId, cancellationToken).ConfigureAwait(false) is not { } meeting)
            {
                continue;
            }

            var card = ChecklistCard.Build(new ChecklistView(meeting, group.Key.Department, turn.Locale, ChecklistDelivery.Today(meeting, time), RefreshUserIds: ChecklistRefreshAction.RefreshUsers(turn)));
            await turn.ReplyCardAsync(card, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
