using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using FollowUpBot.Cards;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Checklists;

/// <summary>The verbs of checklist cards and the data each carries (the progress handler reads the same names).</summary>
internal static class ChecklistVerbs
{
    /// <summary>Report on one item: data meetingId, itemId, department, v (the item's version when shown); inputs status_{itemId}, percent_{itemId}, note_{itemId}.</summary>
    public const string Report = "progress.report";

    /// <summary>Show the current card (Universal Actions refresh, or the "more" button): data meetingId, department, page.</summary>
    public const string Refresh = "checklist.refresh";

    public static string StatusInput(string itemId) => "status_" + itemId;

    public static string PercentInput(string itemId) => "percent_" + itemId;

    public static string NoteInput(string itemId) => "note_" + itemId;
}

/// <summary>What a checklist card shows: one department's items of one meeting, a page at a time.</summary>
internal sealed record ChecklistView(
    MeetingDocument Meeting,
    string Department,
    UiLocale Locale,
    DateOnly Today,
    int Page = 0,
    string? Banner = null,
    bool BannerIsWarning = false,
    IReadOnlyList<string>? RefreshUserIds = null);

/// <summary>
/// A department's checklist card (督办清单): its lead items first, then the ones it supports, each with due date,
/// status, last report and a form to report progress (Universal Action <see cref="ChecklistVerbs.Report"/>).
/// Pages of <see cref="PageSize"/> items keep every card under 28,000 bytes.
/// </summary>
internal static class ChecklistCard
{
    public const int PageSize = 8;
    public const int DueSoonDays = 3;

    /// <summary>The department's items: those it leads, then those it supports, each by number (a stable order).</summary>
    public static IReadOnlyList<MeetingItem> ItemsOf(MeetingDocument meeting, string department)
    {
        ArgumentNullException.ThrowIfNull(meeting);

        // Loops rather than LINQ: every card answered to a report lists a page of items, and Contains with a comparer
        // over a list allocates an enumerator per call.
        var items = new List<MeetingItem>();
        foreach (var item in meeting.Items)
        {
            if (Names(item.Lead, department))
            {
                items.Add(item);
            }
        }

        var leads = items.Count;
        foreach (var item in meeting.Items)
        {
            if (!Names(item.Lead, department) && Names(item.Support, department))
            {
                items.Add(item);
            }
        }

        SortByNumber(items, 0, leads);
        SortByNumber(items, leads, items.Count);
        return items;
    }

    private static bool Names(IReadOnlyList<string> departments, string department)
    {
        for (var i = 0; i < departments.Count; i++)
        {
            if (string.Equals(departments[i], department, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A stable insertion sort of items[from..to) by number (no number last): items are nearly always in order already.</summary>
    private static void SortByNumber(List<MeetingItem> items, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            var item = items[i];
            var number = item.Number ?? int.MaxValue;
            var j = i - 1;
            while (j >= from && (items[j].Number ?? int.MaxValue) > number)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }

    /// <summary>
    /// Fingerprints of items already seen. Items are immutable and a meeting view shares the unchanged ones with the
    /// previous view, so a card's other items cost a lookup instead of a hash each time.
    /// </summary>
    private static readonly ConditionalWeakTable<MeetingItem, string> Versions = [];

    /// <summary>A short fingerprint of what a department sees of an item; a report made against another version is stale.</summary>
    public static string VersionOf(MeetingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Versions.GetValue(item, Fingerprint);
    }

    private static string Fingerprint(MeetingItem item)
    {
        // Reports per department only grow (the applied-record list is folded away by the reconciler, so it can't count).
        var text = string.Join('|', string.Join(',', item.Departments.Select(d => $"{d.Department}:{d.Reports}:{d.Record}")), item.Status,
            item.CurrentDue?.ToString("O", CultureInfo.InvariantCulture), item.Task, string.Join(',', item.Lead), string.Join(',', item.Support));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..6]);
    }

    public static AdaptiveCard Build(ChecklistView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var locale = view.Locale;
        var items = ItemsOf(view.Meeting, view.Department);
        var pages = Math.Max(1, (items.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(view.Page, 0, pages - 1);
        var shown = items.Skip(page * PageSize).Take(PageSize).ToList();

        var body = new List<CardElement>
        {
            new TextBlock(Texts.Format(locale, "checklist.title", view.Meeting.Title)) { Size = "medium", Weight = "bolder" },
            new TextBlock(Texts.Format(locale, "checklist.department", view.Department)) { IsSubtle = true, Spacing = "none" },
        };
        if (view.Banner is not null)
        {
            body.Add(new Container([new TextBlock(view.Banner) { Color = view.BannerIsWarning ? "attention" : "good" }])
            {
                Style = view.BannerIsWarning ? "attention" : "good",
            });
        }

        if (items.Count > PageSize)
        {
            body.Add(new TextBlock(Texts.Format(locale, "checklist.page", page * PageSize + 1, page * PageSize + shown.Count, items.Count)) { IsSubtle = true, Size = "small" });
        }

        foreach (var item in shown)
        {
            body.Add(CachedItemBlock(view, item));
        }

        var actions = new List<CardAction>();
        if (pages > 1)
        {
            var next = (page + 1) % pages;
            var from = next * PageSize + 1;
            actions.Add(CardActions.Execute(Texts.Format(locale, "checklist.more", from, Math.Min(items.Count, from + PageSize - 1), items.Count), ChecklistVerbs.Refresh,
                ("meetingId", view.Meeting.Id), ("department", view.Department), ("page", next.ToString(CultureInfo.InvariantCulture))));
        }

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = Texts.Format(locale, "checklist.title", view.Meeting.Title),
            Body = body,
            Actions = actions.Count > 0 ? actions : null,
            Refresh = new CardRefresh(
                CardActions.Execute(null, ChecklistVerbs.Refresh, ("meetingId", view.Meeting.Id), ("department", view.Department), ("page", page.ToString(CultureInfo.InvariantCulture))),
                view.RefreshUserIds?.Take(60).ToList()),
            MsTeams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>The status words in the card's language.</summary>
    public static string StatusText(UiLocale locale, ProgressStatus status) => Texts.Get(locale, status switch
    {
        ProgressStatus.NotStarted => "status.notStarted",
        ProgressStatus.InProgress => "status.inProgress",
        ProgressStatus.Blocked => "status.blocked",
        ProgressStatus.CompletionRequested => "status.completionRequested",
        _ => "status.closed",
    });

    /// <summary>How a due date reads today, and its light: red when overdue, yellow when due soon.</summary>
    public static (string Text, string Color) DueText(UiLocale locale, DateOnly? due, DateOnly today, ProgressStatus status)
    {
        if (due is not { } date)
        {
            return (Texts.Get(locale, "checklist.noDue"), "default");
        }

        var text = Texts.Format(locale, "checklist.due", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (status == ProgressStatus.Closed)
        {
            return (text, "default");
        }

        var days = date.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => ($"{text} · {Texts.Format(locale, "checklist.overdue", -days)}", "attention"),
            <= DueSoonDays => ($"{text} · {Texts.Format(locale, "checklist.dueSoon", days)}", "warning"),
            _ => (text, "default"),
        };
    }

    /// <summary>
    /// Item blocks already built, per item and what else a block shows (meeting, department, language, day). Items are
    /// immutable and a view after a report shares every item the report did not touch, so the card answered to a report
    /// builds one block instead of a page of them, and writes the others from the bytes kept for them
    /// (<see cref="CardJson.Reused"/>). Blocks are never changed once built, only written.
    /// </summary>
    private static readonly ConditionalWeakTable<MeetingItem, ConcurrentDictionary<BlockKey, Container>> Blocks = [];

    private static Container CachedItemBlock(ChecklistView view, MeetingItem item)
    {
        var blocks = Blocks.GetValue(item, static _ => new ConcurrentDictionary<BlockKey, Container>());
        var key = new BlockKey(view.Meeting.Id, view.Department, view.Locale, view.Today);
        if (blocks.TryGetValue(key, out var block))
        {
            return block;
        }

        if (blocks.Count >= 16)
        {
            // Days go by while an unchanged item stays in memory: keep only what today's cards use.
            blocks.Clear();
        }

        return blocks.GetOrAdd(key, CardJson.Reused(ItemBlock(view, item)));
    }

    private readonly record struct BlockKey(string MeetingId, string Department, UiLocale Locale, DateOnly Today);

    /// <summary>One item as a department sees it, with its report form (reused by reminder digests).</summary>
    internal static Container ItemBlock(ChecklistView view, MeetingItem item)
    {
        var locale = view.Locale;
        var isLead = Names(item.Lead, view.Department);
        var mine = item.FindDepartment(view.Department);
        var status = mine?.Status ?? ProgressStatus.NotStarted;
        var (dueText, dueColor) = DueText(locale, item.CurrentDue, view.Today, item.Status);
        var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–";
        var role = Texts.Get(locale, isLead ? "checklist.lead" : "checklist.support");
        var lastReport = mine?.By is { } by && mine.At is { } at
            ? Texts.Format(locale, "checklist.lastReport", by.Name, at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC")
            : Texts.Get(locale, "checklist.noReport");
        var statusLine = StatusText(locale, status) + (mine?.Percent is { } percent ? $" · {percent}%" : string.Empty);

        var items = new List<CardElement>
        {
            new TextBlock($"{number}. {item.Task}") { Weight = "bolder" },
            new TextBlock($"{role} · {dueText}") { Color = dueColor, Size = "small", Spacing = "none" },
            new TextBlock(statusLine) { Size = "small", Spacing = "none", Color = status == ProgressStatus.Blocked ? "attention" : "default" },
            new TextBlock(lastReport + (mine?.Note is { Length: > 0 } note ? $" — {CardActions.Truncate(note, 140)}" : string.Empty)) { Size = "small", IsSubtle = true, Spacing = "none" },
        };
        if (item.Status != ProgressStatus.Closed)
        {
            items.Add(new ActionSet([new ActionShowCard(ReportForm(view, item, status, mine?.Percent)) { Title = Texts.Get(locale, "checklist.report") }]));
        }

        return new Container(items) { Separator = true, Spacing = "medium" };
    }

    internal static AdaptiveCard ReportForm(ChecklistView view, MeetingItem item, ProgressStatus current, int? percent)
    {
        var locale = view.Locale;
        ProgressStatus[] choices = [ProgressStatus.NotStarted, ProgressStatus.InProgress, ProgressStatus.Blocked, ProgressStatus.CompletionRequested];
        return new AdaptiveCard
        {
            Body =
            [
                new InputChoiceSet([.. choices.Select(s => new Choice(s == ProgressStatus.CompletionRequested ? Texts.Get(locale, "status.done") : StatusText(locale, s), StatusValue(s)))])
                {
                    Id = ChecklistVerbs.StatusInput(item.Id),
                    Label = Texts.Get(locale, "checklist.statusLabel"),
                    Style = "compact",
                    Value = StatusValue(current == ProgressStatus.Closed ? ProgressStatus.CompletionRequested : current),
                    IsRequired = true,
                },
                new InputNumber { Id = ChecklistVerbs.PercentInput(item.Id), Label = Texts.Get(locale, "checklist.percentLabel"), Min = 0, Max = 100, Value = percent },
                new InputText { Id = ChecklistVerbs.NoteInput(item.Id), Label = Texts.Get(locale, "checklist.noteLabel"), IsMultiline = true, MaxLength = 2000 },
            ],
            Actions =
            [
                CardActions.Execute(Texts.Get(locale, "checklist.submit"), ChecklistVerbs.Report,
                    ("meetingId", view.Meeting.Id), ("itemId", item.Id), ("department", view.Department), ("v", VersionOf(item))),
            ],
        };
    }

    /// <summary>The wire value of a status (the ledger's JSON word).</summary>
    public static string StatusValue(ProgressStatus status) => status switch
    {
        ProgressStatus.NotStarted => "notStarted",
        ProgressStatus.InProgress => "inProgress",
        ProgressStatus.Blocked => "blocked",
        ProgressStatus.CompletionRequested => "completionRequested",
        _ => "closed",
    };
}
