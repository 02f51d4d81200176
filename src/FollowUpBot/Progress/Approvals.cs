using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Teams;
using FollowUpBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Progress;

/// <summary>
/// The organisers' side of DESIGN.md's status rules: one card lists every pending completion and extension request
/// (<c>pending</c> / <c>待审核</c>, one read of <c>index/pending.json</c>), with Approve and Return. Approving a
/// completion closes (办结) the department's part; approving an extension moves the due date (reminders follow it);
/// returning sends the department back to work. A decision is checked against the meeting itself (one read) and stored
/// as a record like any report; the projector applies it.
/// </summary>
internal sealed class ApprovalService(MeetingLedger ledger, ProgressRecorder recorder, TimeProvider time)
{
    public const string Verb = "approval.decide";

    public async Task<List<PendingEntry>> PendingAsync(CancellationToken cancellationToken) =>
        [.. (await ledger.Index.PendingAsync(cancellationToken).ConfigureAwait(false)).OrderBy(p => p.At).ThenBy(p => p.MeetingId, StringComparer.Ordinal).ThenBy(p => p.Number)];

    public static AdaptiveCard Card(UiLocale locale, IReadOnlyList<PendingEntry> pending, string? banner = null)
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
            var number = request.Number?.ToString(CultureInfo.InvariantCulture) ?? request.ItemId;
            var by = request.By?.Name ?? "–";
            var at = (request.At ?? default).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
            var line = request.IsExtension
                ? Texts.Format(locale, "approval.extension", number, request.MeetingTitle, request.Department,
                    request.RequestedDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), by, at)
                : Texts.Format(locale, "approval.completion", number, request.MeetingTitle, request.Department, by, at);
            var note = request.Note;
            var items = new List<CardElement> { new TextBlock(line) { Weight = "bolder" }, new TextBlock(request.Task) { Size = "small" } };
            if (note is { Length: > 0 })
            {
                items.Add(new TextBlock("“" + note + "”") { IsSubtle = true, Size = "small" });
            }

            var data = new (string, string?)[]
            {
                ("meetingId", request.MeetingId), ("itemId", request.ItemId), ("department", request.Department),
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

    /// <summary>Records an organiser's decision; null when the request was already decided (the card was stale).</summary>
    public async Task<(string? Outcome, PendingEntry? Decided)> DecideAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        var isExtension = action.GetString("kind") == "extension";
        var meetingId = action.GetString("meetingId") ?? string.Empty;
        var stored = meetingId.Length == 0 ? null : await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var meeting = stored is null ? null : recorder.View(stored.Document);
        var request = meeting is null ? null : LedgerIndex.PendingEntries(meeting).FirstOrDefault(p => p.ItemId == action.GetString("itemId")
            && p.Department == action.GetString("department") && p.IsExtension == isExtension && p.Record == action.GetString("record"));
        if (meeting is null || request is null)
        {
            return (null, null);
        }

        var approve = action.GetString("decision") == "approve";
        var kind = (isExtension, approve) switch
        {
            (true, true) => ProgressKind.ExtensionApproval,
            (true, false) => ProgressKind.ExtensionRejection,
            (false, true) => ProgressKind.CompletionApproval,
            _ => ProgressKind.CompletionRejection,
        };
        var status = kind switch
        {
            ProgressKind.CompletionApproval => ProgressStatus.Closed,
            ProgressKind.CompletionRejection => ProgressStatus.InProgress,
            _ => (ProgressStatus?)null,
        };
        var record = ProgressRecords.From(turn, time, request.MeetingId, request.ItemId, request.Department, kind, status,
            note: action.GetString("comment"), due: kind == ProgressKind.ExtensionApproval ? request.RequestedDue : null);
        await recorder.RecordAsync(record, meeting, cancellationToken).ConfigureAwait(false);

        var number = request.Number?.ToString(CultureInfo.InvariantCulture) ?? request.ItemId;
        var what = kind switch
        {
            ProgressKind.CompletionApproval => Texts.Format(locale, "approval.approvedCompletion", number, request.MeetingTitle, request.Department),
            ProgressKind.CompletionRejection => Texts.Format(locale, "approval.rejectedCompletion", number, request.MeetingTitle, request.Department),
            ProgressKind.ExtensionApproval => Texts.Format(locale, "approval.approvedExtension", number, request.MeetingTitle,
                request.RequestedDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => Texts.Format(locale, "approval.rejectedExtension", number, request.MeetingTitle),
        };
        return (Texts.Format(locale, "approval.done", what), request);
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

        var (outcome, decided) = await approvals.DecideAsync(turn, action, cancellationToken).ConfigureAwait(false);
        // The index catches up when the projector applied the decision; the answer already leaves it out.
        var pending = (await approvals.PendingAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => decided is null || !(p.MeetingId == decided.MeetingId && p.ItemId == decided.ItemId && p.Department == decided.Department && p.IsExtension == decided.IsExtension))
            .ToList();
        return await turn.AnswerCardAsync(action, ApprovalService.Card(turn.Locale, pending, outcome ?? Texts.Get(turn.Locale, "approval.stale")), cancellationToken).ConfigureAwait(false);
    }
}

internal static class ProgressFeature
{
    /// <summary>
    /// Progress: card reports, free text, the question and undo cards, "my tasks", the organisers' approvals, and the
    /// projector that applies stored records to the meetings off the request path.
    /// </summary>
    public static IHostApplicationBuilder AddProgress(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IProjectionQueue>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return storage.UsesAzure ? AzureProjectionQueue.Create(storage, time) : new ChannelProjectionQueue();
        });
        services.AddSingleton<PendingReports>();
        services.AddSingleton<ProgressRecorder>();
        services.AddSingleton<CardRefreshes>();
        services.AddSingleton<Projector>();
        services.AddHostedService(sp => sp.GetRequiredService<Projector>());
        services.AddTransient<OpenItemFinder>();
        services.AddTransient<ReplyRecorder>();
        services.AddSingleton<ReplyReader>();
        services.AddHostedService<ReplyParserWarmup>();
        services.AddTransient<StatusPickerFlow>();
        services.AddTransient<ReplyUndoFlow>();
        services.AddSingleton<LastAskedItems>();
        services.AddTransient<ApprovalService>();
        services.AddTransient<ICardActionHandler, ProgressReportAction>();
        services.AddTransient<IMessageHandler, PendingCommand>();
        services.AddTransient<IMessageHandler, MyTasksCommand>();
        services.AddTransient<IMessageHandler, ProgressReplyCommand>();
        services.AddTransient<ICardActionHandler, ReplyActions>();
        services.AddTransient<ICardActionHandler, ApprovalAction>();
        return builder;
    }
}
