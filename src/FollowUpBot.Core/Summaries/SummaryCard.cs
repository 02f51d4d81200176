using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Summaries;

/// <summary>The verbs of summary cards and the data each carries.</summary>
internal static class SummaryVerbs
{
    /// <summary>Show one meeting's summary: data meetingId.</summary>
    public const string Show = "summary.show";

    /// <summary>Give the organiser a download link of the meeting's ledger: data meetingId.</summary>
    public const string Export = "summary.export";
}

/// <summary>Another meeting the organiser can switch to from a summary card.</summary>
internal sealed record MeetingChoice(string MeetingId, string Title);

/// <summary>
/// What a summary card shows besides the summary: the language, the dashboard link, meetings to switch to, and
/// the blobs of meetings that could not be read (so the organiser knows the list is not whole).
/// </summary>
internal sealed record SummaryView(MeetingSummary Summary, UiLocale Locale, Uri? DashboardUrl = null, IReadOnlyList<MeetingChoice>? OtherMeetings = null, IReadOnlyList<string>? Unreadable = null);

/// <summary>
/// The organiser's summary card (督办汇总): totals, a line per department and role, then the top of
/// each list (overdue, due soon, latest reports, pending requests) with a "more on the dashboard"
/// line; the lists shrink until the card fits in <see cref="CardJson.MaxBytes"/>.
/// </summary>
internal static class SummaryCard
{
    private const int TaskLength = 50;
    private const int NoteLength = 60;

    /// <summary>How many lines of each list a card shows at most.</summary>
    internal sealed record Limits(int Departments, int Overdue, int DueSoon, int Reports, int Requests)
    {
        public static Limits Default { get; } = new(12, 8, 5, 6, 5);

        /// <summary>Each list a quarter shorter (at least one line shorter while it has any).</summary>
        public Limits Shrunk() => new(Shrink(Departments), Shrink(Overdue), Shrink(DueSoon), Shrink(Reports), Shrink(Requests));

        private static int Shrink(int limit) => Math.Max(0, Math.Min(limit - 1, limit * 3 / 4));

        public bool IsEmpty => Departments + Overdue + DueSoon + Reports + Requests == 0;
    }

    public static AdaptiveCard Build(SummaryView view) => Build(view, Fit(view));

    /// <summary>The longest lists (from <see cref="Limits.Default"/> down) with which the card fits in <see cref="CardJson.MaxBytes"/>.</summary>
    internal static Limits Fit(SummaryView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var limits = Limits.Default;
        while (!limits.IsEmpty && CardJson.Size(Build(view, limits)) > CardJson.MaxBytes)
        {
            limits = limits.Shrunk();
        }

        return limits;
    }

    internal static AdaptiveCard Build(SummaryView view, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(limits);
        var s = view.Summary;
        var locale = view.Locale;
        string T(string key) => Texts.Get(locale, key);

        var body = new List<CardElement>
        {
            new TextBlock(Texts.Format(locale, "summary.title", s.Title)) { Size = "medium", Weight = "bolder" },
            new TextBlock(Texts.Format(locale, "summary.asOf", Date(s.Today)) + (s.State == MeetingState.Published ? string.Empty : " " + T("summary.draft")))
            {
                IsSubtle = true,
                Spacing = "none",
            },
            new FactSet(
            [
                new Fact(T("summary.items"), Number(s.Total)),
                new Fact(T("summary.closed"), Texts.Format(locale, "summary.closedValue", s.Closed, s.PercentClosed)),
                new Fact(T("summary.open"), Number(s.Open)),
                new Fact(T("summary.overdue"), Number(s.Overdue)),
                new Fact(T("summary.dueSoon"), Number(s.DueSoon)),
                new Fact(T("summary.blocked"), Number(s.Blocked)),
            ]),
        };
        body.AddRange(UnreadableBlocks(locale, view.Unreadable));

        Section(body, locale, T("summary.departments"), s.Departments, limits.Departments, d => new TextBlock(Texts.Format(locale, "summary.departmentLine",
            d.Department, T(d.Role == DepartmentRole.Lead ? "checklist.lead" : "checklist.support"), d.Open, d.DueSoon, d.Overdue, d.Done))
        {
            Size = "small",
            Spacing = "none",
            Color = d.Overdue > 0 ? "attention" : d.DueSoon > 0 ? "warning" : "default",
        });

        Section(body, locale, T("summary.overdueList"), s.OverdueItems, limits.Overdue, i => ItemBlock(locale, i, "attention"));
        Section(body, locale, T("summary.dueSoonList"), s.DueSoonItems, limits.DueSoon, i => ItemBlock(locale, i, "warning"));
        Section(body, locale, T("summary.latest"), s.LatestReports, limits.Reports, r => new TextBlock(ReportText(locale, r, withItem: true)) { Size = "small", Spacing = "none" });
        Section(body, locale, T("summary.extensions"), s.PendingExtensions, limits.Requests, r => new TextBlock(RequestText(locale, r, extension: true)) { Size = "small", Spacing = "none" });
        Section(body, locale, T("summary.completions"), s.PendingCompletions, limits.Requests, r => new TextBlock(RequestText(locale, r, extension: false)) { Size = "small", Spacing = "none" });

        var actions = new List<CardAction>();
        if (view.DashboardUrl is { } dashboard)
        {
            actions.Add(new ActionOpenUrl(dashboard) { Title = T("summary.openDashboard") });
        }

        actions.Add(CardActions.Execute(T("summary.export"), SummaryVerbs.Export, ("meetingId", s.MeetingId)));
        if (view.OtherMeetings is { Count: > 0 } others)
        {
            body.Add(new TextBlock(T("summary.otherMeetings")) { Weight = "bolder", Spacing = "medium", Separator = true });
            body.Add(new ActionSet([.. others.Take(5).Select(m => CardActions.Execute(CardActions.Truncate(m.Title, 40), SummaryVerbs.Show, ("meetingId", m.MeetingId)))]));
        }

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = Texts.Format(locale, "summary.title", s.Title),
            Body = body,
            Actions = actions,
            MsTeams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>One line per meeting (<c>summary all</c>), each with a button to its summary.</summary>
    public static AdaptiveCard BuildOverview(IReadOnlyList<MeetingSummary> summaries, UiLocale locale, Uri? dashboardUrl = null, IReadOnlyList<string>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        string T(string key) => Texts.Get(locale, key);
        const int Shown = 15;
        var body = new List<CardElement> { new TextBlock(T("summary.allTitle")) { Size = "medium", Weight = "bolder" } };
        body.AddRange(UnreadableBlocks(locale, unreadable));
        foreach (var s in summaries.Take(Shown))
        {
            body.Add(new TextBlock(Texts.Format(locale, "summary.allLine", CardActions.Truncate(s.Title, 50), s.Total, s.PercentClosed, s.Overdue, s.DueSoon))
            {
                Spacing = "small",
                Color = s.Overdue > 0 ? "attention" : "default",
            });
            body.Add(new ActionSet([CardActions.Execute(T("summary.show"), SummaryVerbs.Show, ("meetingId", s.MeetingId))]) { Spacing = "none" });
        }

        if (summaries.Count > Shown)
        {
            body.Add(new TextBlock(Texts.Format(locale, "summary.more", summaries.Count - Shown)) { IsSubtle = true });
        }

        if (summaries.Count == 0)
        {
            body.Add(new TextBlock(T("summary.noMeetings")));
        }

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = T("summary.allTitle"),
            Body = body,
            Actions = dashboardUrl is null ? null : [new ActionOpenUrl(dashboardUrl) { Title = T("summary.openDashboard") }],
        };
    }

    /// <summary>A warning per meeting that could not be read (at most three, then how many more), naming its blob.</summary>
    private static IEnumerable<CardElement> UnreadableBlocks(UiLocale locale, IReadOnlyList<string>? blobNames)
    {
        const int Shown = 3;
        foreach (var name in (blobNames ?? []).Take(Shown))
        {
            yield return new TextBlock(Texts.Format(locale, "summary.unreadable", CardActions.Truncate(name, 120))) { Color = "attention", Size = "small", Spacing = "small" };
        }

        if (blobNames is { Count: > Shown })
        {
            yield return new TextBlock(Texts.Format(locale, "summary.unreadableMore", blobNames.Count - Shown)) { Color = "attention", Size = "small", Spacing = "none" };
        }
    }

    /// <summary>A chooser among meetings (several match, or none was named and none is published).</summary>
    public static AdaptiveCard BuildChooser(IReadOnlyList<MeetingChoice> meetings, UiLocale locale)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = Texts.Get(locale, "summary.choose"),
            Body =
            [
                new TextBlock(Texts.Get(locale, "summary.choose")) { Weight = "bolder" },
                .. meetings.Take(10).Select(m => (CardElement)new ActionSet([CardActions.Execute(CardActions.Truncate(m.Title, 60), SummaryVerbs.Show, ("meetingId", m.MeetingId))]) { Spacing = "small" }),
            ],
        };
    }

    /// <summary>"who, stored when: status · percent — note" of one report; with the item's number and task when asked.</summary>
    public static string ReportText(UiLocale locale, ReportLine report, bool withItem)
    {
        ArgumentNullException.ThrowIfNull(report);
        var what = ChecklistCard.StatusText(locale, report.Status) + (report.Percent is { } p ? $" · {p}%" : string.Empty)
            + (report.Note is { Length: > 0 } note ? " — " + CardActions.Truncate(note, NoteLength) : string.Empty);
        var line = Texts.Format(locale, "summary.reportLine", report.Department, report.By.Name, Time(report.At), what);
        return withItem ? $"{ItemLabel(report.Number, report.Task)}: {line}" : line;
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Record times are UTC; a card says so rather than guess the reader's zone.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";


    private static string ItemLabel(int? number, string task) =>
        $"{number?.ToString(CultureInfo.InvariantCulture) ?? "–"}. {CardActions.Truncate(task, TaskLength)}";

    private static Container ItemBlock(UiLocale locale, ItemLine item, string color)
    {
        var light = item.Due is null
            ? Texts.Get(locale, "checklist.noDue")
            : Texts.Format(locale, "checklist.due", Date(item.Due.Value)) + " · "
              + (color == "attention" ? Texts.Format(locale, "checklist.overdue", item.Days) : Texts.Format(locale, "checklist.dueSoon", item.Days));
        var lead = item.Lead.Count > 0 ? string.Join("、", item.Lead) + " · " : string.Empty;
        var last = item.LastReport is { } report
            ? Texts.Format(locale, "summary.lastReport", ReportText(locale, report, withItem: false))
            : Texts.Get(locale, "checklist.noReport");
        return new Container(
        [
            new TextBlock(ItemLabel(item.Number, item.Task)) { Size = "small", Weight = "bolder", Spacing = "none" },
            new TextBlock(lead + light) { Size = "small", Color = color, Spacing = "none" },
            new TextBlock(last) { Size = "small", IsSubtle = true, Spacing = "none" },
        ])
        { Spacing = "small" };
    }

    private static string RequestText(UiLocale locale, RequestLine request, bool extension)
    {
        var who = request.By is { } by && request.At is { } at ? $" ({by.Name}, {Time(at)})" : string.Empty;
        var what = extension
            ? Texts.Format(locale, "summary.extensionLine", request.Department, request.RequestedDue is { } d ? Date(d) : "–")
            : Texts.Format(locale, "summary.completionLine", request.Department);
        var reason = request.Reason is { Length: > 0 } r ? " — " + CardActions.Truncate(r, NoteLength) : string.Empty;
        return $"{ItemLabel(request.Number, request.Task)}: {what}{who}{reason}";
    }

    private static void Section<T>(List<CardElement> body, UiLocale locale, string heading, IReadOnlyList<T> lines, int limit, Func<T, CardElement> render)
    {
        body.Add(new TextBlock($"{heading} ({lines.Count})") { Weight = "bolder", Spacing = "medium", Separator = true });
        if (lines.Count == 0)
        {
            body.Add(new TextBlock(Texts.Get(locale, "summary.none")) { IsSubtle = true, Size = "small", Spacing = "none" });
            return;
        }

        body.AddRange(lines.Take(limit).Select(render));
        if (lines.Count > limit)
        {
            body.Add(new TextBlock(Texts.Format(locale, "summary.more", lines.Count - limit)) { IsSubtle = true, Size = "small", Spacing = "none" });
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
