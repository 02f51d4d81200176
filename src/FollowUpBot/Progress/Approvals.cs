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

/// <summary>A request waiting for an organiser: a department's completion (申请办结) or extension (申请延期).</summary>
internal sealed record PendingRequest(MeetingDocument Meeting, MeetingItem Item, DepartmentProgress Department, bool IsExtension)
{
    /// <summary>The record the request came from: a decision is applied only while it is still the pending one.</summary>
    public string Record => IsExtension ? Department.Extension!.Record : Department.Record ?? string.Empty;
}

/// <summary>
/// The organisers' side of DESIGN.md's status rules: one card lists every pending completion and extension request
/// (<c>pending</c> / <c>待审核</c>), with Approve and Return. Approving a completion closes (办结) the department's
/// part; approving an extension moves the due date (reminders follow it); returning sends the department back to work.
/// </summary>
internal sealed class ApprovalService(MeetingLedger ledger, BackgroundWorkQueue background, TimeProvider time)
{
    public const string Verb = "approval.decide";

    public async Task<List<PendingRequest>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<PendingRequest>();
        await foreach (var meetingId in ledger.ListMeetingIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var meeting = (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;
            if (meeting is not { State: MeetingState.Published })
            {
                continue;
            }

            foreach (var item in meeting.Items)
            {
                foreach (var department in item.Departments)
                {
                    if (department.Status == ProgressStatus.CompletionRequested)
                    {
                        pending.Add(new PendingRequest(meeting, item, department, IsExtension: false));
                    }

                    if (department.Extension is { Outcome: ExtensionOutcome.Pending })
                    {
                        pending.Add(new PendingRequest(meeting, item, department, IsExtension: true));
                    }
                }
            }
        }

        return pending;
    }

    public static AdaptiveCard Card(UiLocale locale, IReadOnlyList<PendingRequest> pending, string? banner = null)
    {
        var body = new List<CardElement> { new TextBlock(Texts.Get(locale, "approval.title")) { Size = "medium", Weight = "bolder" } };
        if (banner is not null)
        {
            body.Add(new Container([new TextBlock(banner) { Color = "good" }]) { Style = "good" });
        }

        if (pending.Count == 0)
        {
            body.Add(new TextBlock(Texts.Get(locale, "approval.none")));
        }

        foreach (var request in pending.Take(15))
        {
            var number = request.Item.Number?.ToString(CultureInfo.InvariantCulture) ?? request.Item.Id;
            var by = request.IsExtension ? request.Department.Extension!.By.Name : request.Department.By?.Name ?? "–";
            var at = (request.IsExtension ? request.Department.Extension!.At : request.Department.At ?? default).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
            var line = request.IsExtension
                ? Texts.Format(locale, "approval.extension", number, request.Meeting.Title, request.Department.Department,
                    request.Department.Extension!.RequestedDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), by, at)
                : Texts.Format(locale, "approval.completion", number, request.Meeting.Title, request.Department.Department, by, at);
            var note = request.IsExtension ? request.Department.Extension!.Reason : request.Department.Note;
            var items = new List<CardElement> { new TextBlock(line) { Weight = "bolder" }, new TextBlock(request.Item.Task) { Size = "small" } };
            if (note is { Length: > 0 })
            {
                items.Add(new TextBlock("“" + note + "”") { IsSubtle = true, Size = "small" });
            }

            var data = new (string, string?)[]
            {
                ("meetingId", request.Meeting.Id), ("itemId", request.Item.Id), ("department", request.Department.Department),
                ("kind", request.IsExtension ? "extension" : "completion"), ("record", request.Record),
            };
            items.Add(new ActionSet(
            [
                CardActions.Execute(Texts.Get(locale, "approval.approve"), Verb, [.. data, ("decision", "approve")]) with { Style = "positive" },
                CardActions.Execute(Texts.Get(locale, "approval.reject"), Verb, [.. data, ("decision", "reject")]) with { Style = "destructive" },
            ]));
            body.Add(new Container(items) { Separator = true });
        }

        if (pending.Count > 0)
        {
            body.Add(new InputText { Id = "comment", Label = Texts.Get(locale, "approval.comment"), MaxLength = 500 });
        }

        return new AdaptiveCard { Lang = locale.Language(), FallbackText = Texts.Get(locale, "approval.title"), Body = body };
    }

    /// <summary>Applies an organiser's decision; null when the request was already decided (the card was stale).</summary>
    public async Task<string?> DecideAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var pending = await PendingAsync(cancellationToken).ConfigureAwait(false);
        var isExtension = action.GetString("kind") == "extension";
        var request = pending.FirstOrDefault(p => p.Meeting.Id == action.GetString("meetingId") && p.Item.Id == action.GetString("itemId")
            && p.Department.Department == action.GetString("department") && p.IsExtension == isExtension && p.Record == action.GetString("record"));
        if (request is null)
        {
            return null;
        }

        var approve = action.GetString("decision") == "approve";
        var kind = (isExtension, approve) switch
        {
            (true, true) => ProgressKind.ExtensionApproval,
            (true, false) => ProgressKind.ExtensionRejection,
            (false, true) => ProgressKind.CompletionApproval,
            _ => ProgressKind.CompletionRejection,
        };
        var comment = action.GetString("comment")?.Trim();
        await ledger.AppendProgressAsync(new ProgressRecord
        {
            MeetingId = request.Meeting.Id,
            ItemId = request.Item.Id,
            Kind = kind,
            Department = request.Department.Department,
            By = turn.Sender(),
            At = turn.Activity.Timestamp ?? time.GetUtcNow(),
            Status = kind switch
            {
                ProgressKind.CompletionApproval => ProgressStatus.Closed,
                ProgressKind.CompletionRejection => ProgressStatus.InProgress,
                _ => null,
            },
            Due = kind == ProgressKind.ExtensionApproval ? request.Department.Extension!.RequestedDue : null,
            Note = string.IsNullOrEmpty(comment) ? null : comment,
            ConversationId = turn.Activity.Conversation?.Id ?? "unknown",
            ActivityId = turn.Activity.Id ?? Guid.NewGuid().ToString("N"),
        }, cancellationToken).ConfigureAwait(false);
        var meetingId = request.Meeting.Id;
        var departments = request.Item.Lead.Concat(request.Item.Support).ToList();
        background.Enqueue((services, stopping) => services.GetRequiredService<ChecklistDelivery>().UpdateCardsAsync(meetingId, departments, null, stopping));

        var number = request.Item.Number?.ToString(CultureInfo.InvariantCulture) ?? request.Item.Id;
        var what = kind switch
        {
            ProgressKind.CompletionApproval => Texts.Format(locale, "approval.approvedCompletion", number, request.Meeting.Title, request.Department.Department),
            ProgressKind.CompletionRejection => Texts.Format(locale, "approval.rejectedCompletion", number, request.Meeting.Title, request.Department.Department),
            ProgressKind.ExtensionApproval => Texts.Format(locale, "approval.approvedExtension", number, request.Meeting.Title,
                request.Department.Extension!.RequestedDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => Texts.Format(locale, "approval.rejectedExtension", number, request.Meeting.Title),
        };
        return Texts.Format(locale, "approval.done", what);
    }
}

/// <summary><c>pending</c> / <c>待审核</c> / <c>approvals</c> from an organiser.</summary>
internal sealed class PendingCommand(ApprovalService approvals, IOptions<FollowUpOptions> options) : IMessageHandler
{
    public int Order => 30;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Text.Trim().ToLowerInvariant() is not ("pending" or "approvals" or "待审核" or "审核" or "待办审核"))
        {
            return false;
        }

        if (!turn.IsOrganiser(options.Value))
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "import.refused"), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var pending = await approvals.PendingAsync(cancellationToken).ConfigureAwait(false);
        await turn.ReplyCardAsync(ApprovalService.Card(turn.Locale, pending), cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>Approve / Return on the pending-requests card: organisers only; answered with the refreshed list.</summary>
internal sealed class ApprovalAction(ApprovalService approvals, IOptions<FollowUpOptions> options) : ICardActionHandler
{
    public string Verb => ApprovalService.Verb;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (!turn.IsOrganiser(options.Value))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(turn.Locale, "import.refused"), cancellationToken).ConfigureAwait(false);
        }

        var outcome = await approvals.DecideAsync(turn, action, cancellationToken).ConfigureAwait(false);
        var pending = await approvals.PendingAsync(cancellationToken).ConfigureAwait(false);
        return await turn.AnswerCardAsync(action, ApprovalService.Card(turn.Locale, pending, outcome ?? Texts.Get(turn.Locale, "approval.stale")), cancellationToken).ConfigureAwait(false);
    }
}

internal static class ProgressFeature
{
    /// <summary>Progress replies: free text, the question and undo cards, "my tasks", and the organisers' approvals.</summary>
    public static IHostApplicationBuilder AddProgress(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddTransient<OpenItemFinder>();
        services.AddTransient<ReplyRecorder>();
        services.AddTransient<ApprovalService>();
        services.AddTransient<IMessageHandler, PendingCommand>();
        services.AddTransient<IMessageHandler, MyTasksCommand>();
        services.AddTransient<IMessageHandler, ProgressReplyCommand>();
        services.AddTransient<ICardActionHandler, ReplyActions>();
        services.AddTransient<ICardActionHandler, ApprovalAction>();
        return builder;
    }
}
