using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Progress;

/// <summary>
/// What the status picker shows: the reply the parser was not sure of (<see cref="ParsedReply.Confidence"/> below
/// <see cref="ReplyParser.ConfirmBelow"/>, or no status at all), the item it is about and who sends it.
/// </summary>
internal sealed record StatusPickerView(MeetingDocument Meeting, MeetingItem Item, string Department, ParsedReply Reply, string Text, UiLocale Locale);

/// <summary>
/// The card the bot answers an unsure free-text reply with instead of storing it: what it understood (item, note,
/// percent, date) and one button per status (未开始 / 推进中 / 受阻 / 申请办结 / 申请延期), the best guess first and
/// highlighted. A tap submits <see cref="ChecklistVerbs.Report"/> with the data a checklist card's report carries
/// (meetingId, itemId, department, v, and status_/percent_/note_{itemId}), so the same report handler stores only
/// what the sender confirmed; an extension also carries due_{itemId} from the date input. The note input holds the
/// reply as sent, so the stored record keeps the person's own words.
/// </summary>
internal static class StatusPickerCard
{
    /// <summary>The wire value of an extension request in a picker's report (the four others are the ledger's words).</summary>
    public const string ExtensionValue = "extension";

    /// <summary>The <c>source</c> a picker's report carries, so the report handler answers it as a reply, not as a checklist.</summary>
    public const string Source = "picker";

    private const int MaxQuote = 300;

    /// <summary>The date input of an extension: yyyy-MM-dd, pre-filled with the date the reply named.</summary>
    public static string DueInput(string itemId) => "due_" + itemId;

    public static AdaptiveCard Build(StatusPickerView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var locale = view.Locale;
        var item = view.Item;
        var reply = view.Reply;
        var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–";
        var guess = reply.Status;

        var facts = new List<Fact>
        {
            new(Texts.Get(locale, "picker.item"), CardActions.Truncate($"{number}. {item.Task}", 200)),
            new(Texts.Get(locale, "picker.status"), guess is { } status ? StatusText(locale, status) : Texts.Get(locale, "picker.noStatus")),
        };
        if (reply.Percent is { } percent)
        {
            facts.Add(new Fact(Texts.Get(locale, "picker.percent"), percent.ToString(CultureInfo.InvariantCulture) + "%"));
        }

        if (reply.NewDue is { } due)
        {
            facts.Add(new Fact(Texts.Get(locale, "picker.date"), due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (reply.Cues.Count > 0)
        {
            facts.Add(new Fact(Texts.Get(locale, "picker.cues"), string.Join(locale == UiLocale.ZhCN ? "、" : ", ", reply.Cues.Select(c => $"“{c}”"))));
        }

        var body = new List<CardElement>
        {
            new TextBlock(Texts.Get(locale, "picker.title")) { Size = "medium", Weight = "bolder" },
            new TextBlock(Texts.Get(locale, "picker.intro")) { Wrap = true, Spacing = "none" },
            new TextBlock($"“{CardActions.Truncate(view.Text.Trim(), MaxQuote)}”") { Wrap = true, IsSubtle = true },
            new FactSet(facts),
            new InputNumber
            {
                Id = ChecklistVerbs.PercentInput(item.Id),
                Label = Texts.Get(locale, "checklist.percentLabel"),
                Min = 0,
                Max = 100,
                Value = reply.Percent,
            },
            new InputDate
            {
                Id = DueInput(item.Id),
                Label = Texts.Get(locale, "picker.dueLabel"),
                Value = reply.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            new InputText
            {
                Id = ChecklistVerbs.NoteInput(item.Id),
                Label = Texts.Get(locale, "checklist.noteLabel"),
                IsMultiline = true,
                MaxLength = 2000,
                // The note stored is the reply as sent (the person may edit it here), not the parser's trimmed reading.
                Value = view.Text.Trim() is { Length: > 0 } sent ? CardActions.Truncate(sent, 2000) : null,
            },
        };

        // One tap confirms: each button carries its status; the best guess comes first and stands out.
        IReadOnlyList<ReplyStatus> order = guess is { } first ? [first, .. Choices.Where(s => s != first)] : Choices;
        var actions = order.Select(status => (CardAction)(CardActions.Execute(ChoiceText(locale, status), ChecklistVerbs.Report,
                ("meetingId", view.Meeting.Id),
                ("itemId", item.Id),
                ("department", view.Department),
                ("v", ChecklistCard.VersionOf(item)),
                ("source", Source),
                (ChecklistVerbs.StatusInput(item.Id), WireValue(status))) with
            {
                Style = status == guess ? "positive" : null,
            }))
            .ToList();

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = Texts.Get(locale, "picker.title"),
            Body = body,
            Actions = actions,
            MsTeams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>The statuses a sender can confirm, in the order of a report's life.</summary>
    public static IReadOnlyList<ReplyStatus> Choices { get; } =
        [ReplyStatus.NotStarted, ReplyStatus.InProgress, ReplyStatus.Blocked, ReplyStatus.CompletionRequested, ReplyStatus.Extension];

    /// <summary>The status value a picker button submits: the ledger's word, or <see cref="ExtensionValue"/>.</summary>
    public static string WireValue(ReplyStatus status) => status switch
    {
        ReplyStatus.NotStarted => ChecklistCard.StatusValue(ProgressStatus.NotStarted),
        ReplyStatus.InProgress => ChecklistCard.StatusValue(ProgressStatus.InProgress),
        ReplyStatus.Blocked => ChecklistCard.StatusValue(ProgressStatus.Blocked),
        ReplyStatus.CompletionRequested => ChecklistCard.StatusValue(ProgressStatus.CompletionRequested),
        _ => ExtensionValue,
    };

    private static string ChoiceText(UiLocale locale, ReplyStatus status) => Texts.Get(locale, "picker.choice." + status.ToContractName());

    private static string StatusText(UiLocale locale, ReplyStatus status) => ChoiceText(locale, status);
}
