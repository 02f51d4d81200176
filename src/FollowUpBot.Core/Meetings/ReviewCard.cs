using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Meetings;

/// <summary>The verbs of the organiser's review card and the names of its inputs.</summary>
internal static class ReviewVerbs
{
    public const string Prefix = "draft.";
    public const string Page = "draft.page";
    public const string Open = "draft.open";
    public const string SaveItem = "draft.save";
    public const string AddItem = "draft.add";
    public const string DropItem = "draft.drop";
    public const string DropUnassigned = "draft.dropUnassigned";
    public const string MapActor = "draft.map";
    public const string SavePolicy = "draft.policy";
    public const string SaveMeta = "draft.meta";
    public const string Publish = "draft.publish";
}

/// <summary>Which form the review card shows, if any (one at a time keeps the card small).</summary>
internal enum ReviewMode
{
    List,
    Edit,
    Add,
    Map,
    Policy,
    Meta,
}

internal sealed record ReviewView(
    MeetingDocument Meeting,
    IReadOnlyList<string> Departments,
    UiLocale Locale,
    int Page = 0,
    ReviewMode Mode = ReviewMode.List,
    string? ModeArgument = null,
    string? Banner = null,
    bool BannerIsWarning = false,
    ReminderPolicy? PolicyDefaults = null);

/// <summary>
/// The organiser's review card: the extracted items with section, lead and support, task, deadline as written and
/// resolved, and the source on demand; edit, drop, add, map unknown actors, the reminder policy, and Publish.
/// Pages of <see cref="PageSize"/> items; the one open form is rendered once, so the card stays under 28,000 bytes.
/// </summary>
internal static class ReviewCard
{
    public const int PageSize = 8;

    // Candidates shown in full under the unassigned heading; the rest are counted (Drop all handles them).
    private const int UnassignedShown = 3;

    public static AdaptiveCard Build(ReviewView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var meeting = view.Meeting;
        var locale = view.Locale;
        string T(string key) => Texts.Get(locale, key);
        var published = meeting.State != MeetingState.Draft;

        // Items with a lead page through the card; those without one (subjectless candidates) are grouped under one heading
        // after the first page's items, with a single button that drops them all.
        var numbered = meeting.Items.Select((item, index) => (Item: item, Position: index + 1)).ToList();
        var assigned = published ? numbered : numbered.Where(n => n.Item.Lead.Count > 0).ToList();
        var unassigned = published ? [] : numbered.Where(n => n.Item.Lead.Count == 0).ToList();
        var pages = Math.Max(1, (assigned.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(view.Page, 0, pages - 1);
        var pageText = page.ToString(CultureInfo.InvariantCulture);

        var body = new List<CardElement>
        {
            new TextBlock(Texts.Format(locale, "review.title", meeting.Title)) { Size = "medium", Weight = "bolder" },
            new TextBlock(Texts.Format(locale, "review.meta", meeting.MeetingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–", meeting.TimeZone ?? "–", meeting.Items.Count))
            {
                IsSubtle = true,
                Spacing = "none",
            },
        };
        if (view.Banner is not null)
        {
            body.Add(new Container([new TextBlock(view.Banner) { Color = view.BannerIsWarning ? "attention" : "good" }]) { Style = view.BannerIsWarning ? "attention" : "good" });
        }

        if (published)
        {
            body.Add(new TextBlock(Texts.Format(locale, "review.alreadyPublished", meeting.PublishedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC")) { Color = "accent" });
        }
        else
        {
            var unknown = meeting.Items.Count(i => i.UnknownActors.Count > 0);
            if (unknown > 0)
            {
                body.Add(new TextBlock("⚠ " + Texts.Format(locale, "review.unknownActors", unknown)) { Color = "warning" });
            }

            var candidates = unassigned.Count;
            if (candidates > 0)
            {
                body.Add(new TextBlock("⚠ " + Texts.Format(locale, "review.candidates", candidates)) { Color = "warning" });
            }

            var needDepartment = meeting.Items.Count(i => i.Lead.Count == 0 || i.UnknownActors.Count > 0);
            body.Add(new TextBlock(Texts.Format(locale, "review.summary", meeting.Items.Count, needDepartment)) { Spacing = "small", Weight = "bolder" });
        }

        if (!published && view.Mode != ReviewMode.List && Form(view, page) is { } form)
        {
            body.Add(form);
        }

        if (assigned.Count > PageSize)
        {
            var first = page * PageSize + 1;
            body.Add(new TextBlock(Texts.Format(locale, "review.page", first, Math.Min(assigned.Count, first + PageSize - 1), assigned.Count)) { IsSubtle = true, Size = "small" });
        }

        foreach (var (item, position) in assigned.Skip(page * PageSize).Take(PageSize))
        {
            body.Add(ItemBlock(view, item, position, pageText, published));
        }

        // On the first page, so the organiser sees at once what has no owner and can drop it all.
        if (unassigned.Count > 0 && page == 0)
        {
            body.Add(UnassignedGroup(view, unassigned, pageText));
        }

        var actions = new List<CardAction>();
        if (page > 0)
        {
            actions.Add(Button(T("review.previous"), ReviewVerbs.Page, meeting.Id, (page - 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (page + 1 < pages)
        {
            actions.Add(Button(T("review.next"), ReviewVerbs.Page, meeting.Id, (page + 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (!published)
        {
            actions.Add(Button(T("review.add"), ReviewVerbs.Open, meeting.Id, pageText, ("mode", "add")));
            actions.Add(Button(T("review.policy"), ReviewVerbs.Open, meeting.Id, pageText, ("mode", "policy")));
            actions.Add(Button(T("review.metaEdit"), ReviewVerbs.Open, meeting.Id, pageText, ("mode", "meta")));
            actions.Add(Button(T("review.publish"), ReviewVerbs.Publish, meeting.Id, pageText) with { Style = "positive" });
        }
        else if (meeting.Undelivered.Count > 0)
        {
            actions.Add(Button(T("review.publishAgain"), ReviewVerbs.Publish, meeting.Id, pageText));
        }

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = Texts.Format(locale, "review.title", meeting.Title),
            Body = body,
            Actions = actions,
            MsTeams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>
    /// The items without a lead under one heading, with Drop all unassigned. At most a page of them is shown in full; the
    /// rest are counted, so the card stays small however many candidates the text had.
    /// </summary>
    private static Container UnassignedGroup(ReviewView view, List<(MeetingItem Item, int Position)> unassigned, string page)
    {
        var locale = view.Locale;
        var elements = new List<CardElement>
        {
            new TextBlock(Texts.Format(locale, "review.unassignedHeading", unassigned.Count)) { Weight = "bolder", Color = "warning" },
            new ActionSet([Button(Texts.Get(locale, "review.dropUnassigned"), ReviewVerbs.DropUnassigned, view.Meeting.Id, page) with { Style = "destructive" }]),
        };
        foreach (var (item, position) in unassigned.Take(UnassignedShown))
        {
            elements.Add(CandidateBlock(view, item, position, page));
        }

        if (unassigned.Count > UnassignedShown)
        {
            elements.Add(new TextBlock(Texts.Format(locale, "review.page", 1, UnassignedShown, unassigned.Count)) { IsSubtle = true, Size = "small" });
        }

        return new Container(elements) { Separator = true, Spacing = "large" };
    }

    /// <summary>A candidate in the unassigned group: its task and source, shortened, with Edit (to give it a lead) and Drop.</summary>
    private static Container CandidateBlock(ReviewView view, MeetingItem item, int position, string page)
    {
        var locale = view.Locale;
        var sourceId = "src_" + item.Id;
        var elements = new List<CardElement> { new TextBlock($"{position}. {CardActions.Truncate(item.Task, 100)}") { Weight = "bolder" } };
        var buttons = new List<CardAction>();
        if (!string.IsNullOrEmpty(item.Source))
        {
            elements.Add(new TextBlock("“" + CardActions.Truncate(item.Source, 160) + "”") { Id = sourceId, IsVisible = false, IsSubtle = true, Size = "small" });
            buttons.Add(new ActionToggleVisibility([sourceId]) { Title = Texts.Get(locale, "review.showSource") });
        }

        buttons.Add(Button(Texts.Get(locale, "review.edit"), ReviewVerbs.Open, view.Meeting.Id, page, ("mode", "edit"), ("itemId", item.Id)));
        buttons.Add(Button(Texts.Get(locale, "review.drop"), ReviewVerbs.DropItem, view.Meeting.Id, page, ("itemId", item.Id)) with { Style = "destructive" });
        elements.Add(new ActionSet(buttons));
        return new Container(elements) { Separator = true, Spacing = "small", Style = "warning" };
    }

    private static Container ItemBlock(ReviewView view, MeetingItem item, int position, string page, bool published)
    {
        var locale = view.Locale;
        string T(string key) => Texts.Get(locale, key);
        var number = item.Number ?? position;
        var sourceId = "src_" + item.Id;
        var lead = item.Lead.Count == 0 ? "⚠ " + T("review.noLead") : string.Join("、", item.Lead.Select(n => Mark(item, n)));
        var deadline = item.DeadlineText is null
            ? T("review.noDeadline")
            : item.DeadlineText + (item.Due is { } due ? " → " + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : item.Recurrence is { } rule ? " → " + rule : string.Empty);
        if (item.Due is { } set && item.DeadlineText is null)
        {
            deadline = set.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var facts = new List<Fact> { new(T("review.lead"), lead) };
        if (item.Support.Count > 0)
        {
            facts.Add(new Fact(T("review.support"), string.Join("、", item.Support.Select(n => Mark(item, n)))));
        }

        facts.Add(new Fact(T("review.deadline"), deadline));
        if (!string.IsNullOrEmpty(item.Section))
        {
            facts.Add(new Fact(T("review.section"), item.Section));
        }

        var elements = new List<CardElement> { new TextBlock($"{number}. {item.Task}") { Weight = "bolder" } };
        if (!published && item.Origin == Assist.AssistDraft.Origin)
        {
            elements.Add(new TextBlock(T("assist.mark")) { Color = "accent", Size = "small", Spacing = "none" });
        }

        elements.Add(new FactSet(facts) { Spacing = "small" });
        if (!string.IsNullOrEmpty(item.Source))
        {
            elements.Add(new TextBlock("“" + CardActions.Truncate(item.Source, 600) + "”") { Id = sourceId, IsVisible = false, IsSubtle = true, Size = "small" });
        }

        var buttons = new List<CardAction>();
        if (!string.IsNullOrEmpty(item.Source))
        {
            buttons.Add(new ActionToggleVisibility([sourceId]) { Title = T("review.showSource") });
        }

        if (!published)
        {
            buttons.Add(Button(T("review.edit"), ReviewVerbs.Open, view.Meeting.Id, page, ("mode", "edit"), ("itemId", item.Id)));
            buttons.Add(Button(T("review.drop"), ReviewVerbs.DropItem, view.Meeting.Id, page, ("itemId", item.Id)) with { Style = "destructive" });
            foreach (var actor in item.UnknownActors.Take(2))
            {
                buttons.Add(Button(Texts.Format(locale, "review.map", CardActions.Truncate(actor, 20)), ReviewVerbs.Open, view.Meeting.Id, page, ("mode", "map"), ("actor", actor)));
            }
        }

        elements.Add(new ActionSet(buttons));
        return new Container(elements)
        {
            Separator = true,
            Spacing = "medium",
            Style = item.UnknownActors.Count > 0 || item.Lead.Count == 0 ? "warning" : null,
        };
    }

    private static Container? Form(ReviewView view, int page)
    {
        var locale = view.Locale;
        string T(string key) => Texts.Get(locale, key);
        var meetingId = view.Meeting.Id;
        var pageText = page.ToString(CultureInfo.InvariantCulture);
        var choices = view.Departments.Select(d => new Choice(d, d)).ToList();
        List<CardElement> fields;
        ActionExecute save;
        switch (view.Mode)
        {
            case ReviewMode.Edit when view.Meeting.FindItem(view.ModeArgument ?? string.Empty) is { } item:
                fields = ItemFields(locale, choices, item.Task, item.Lead, item.Support, item.Due);
                save = Button(T("review.save"), ReviewVerbs.SaveItem, meetingId, pageText, ("itemId", item.Id));
                break;
            case ReviewMode.Add:
                fields = ItemFields(locale, choices, null, [], [], null);
                save = Button(T("review.save"), ReviewVerbs.AddItem, meetingId, pageText);
                break;
            case ReviewMode.Map when view.ModeArgument is { } actor:
                fields =
                [
                    new InputChoiceSet(choices) { Id = "dept", Label = Texts.Format(locale, "review.mapTo", actor), Style = "compact", IsRequired = true },
                    new InputToggle(T("review.remember")) { Id = "remember", Value = "true", ValueOn = "true", ValueOff = "false" },
                ];
                save = Button(T("review.save"), ReviewVerbs.MapActor, meetingId, pageText, ("actor", actor));
                break;
            case ReviewMode.Policy:
                var policy = view.Meeting.Reminders;
                var defaults = view.PolicyDefaults;
                fields =
                [
                    new InputText { Id = "cron", Label = T("review.policyCron"), Value = policy?.Cron ?? defaults?.Cron },
                    new InputNumber { Id = "before", Label = T("review.policyBefore"), Min = 0, Max = Reminders.ReminderPolicyRules.MaxDays, Value = policy?.DaysBeforeDue ?? defaults?.DaysBeforeDue },
                    new InputNumber { Id = "escalate", Label = T("review.policyEscalate"), Min = 0, Max = Reminders.ReminderPolicyRules.MaxDays, Value = policy?.EscalateAfterDays ?? defaults?.EscalateAfterDays },
                    new InputText { Id = "quiet", Label = T("review.policyQuiet"), Value = policy?.QuietHours ?? defaults?.QuietHours },
                ];
                save = Button(T("review.save"), ReviewVerbs.SavePolicy, meetingId, pageText);
                break;
            case ReviewMode.Meta:
                fields =
                [
                    new InputText { Id = "title", Label = T("import.meetingTitle"), Value = view.Meeting.Title, MaxLength = 200, IsRequired = true },
                    new InputDate { Id = "date", Label = T("import.meetingDate"), Value = view.Meeting.MeetingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                ];
                save = Button(T("review.save"), ReviewVerbs.SaveMeta, meetingId, pageText);
                break;
            default:
                return null;
        }

        fields.Add(new ActionSet([save with { Style = "positive" }, Button(T("review.cancel"), ReviewVerbs.Page, meetingId, pageText)]));
        return new Container(fields) { Style = "emphasis", Spacing = "medium" };
    }

    private static List<CardElement> ItemFields(UiLocale locale, IReadOnlyList<Choice> choices, string? task, IReadOnlyList<string> lead, IReadOnlyList<string> support, DateOnly? due)
    {
        string T(string key) => Texts.Get(locale, key);
        // Unknown actor phrases stay selectable until mapped, so editing an item never silently loses them.
        var known = choices.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var all = choices.Concat(lead.Concat(support).Where(n => !known.Contains(n)).Distinct().Select(n => new Choice("⚠ " + n, n))).ToList();
        return
        [
            new InputText { Id = "task", Label = T("review.task"), Value = task, IsMultiline = true, MaxLength = 1000, IsRequired = true },
            new InputChoiceSet(all) { Id = "lead", Label = T("review.leadPick"), IsMultiSelect = true, Style = "compact", Value = lead.Count > 0 ? string.Join(",", lead) : null },
            new InputChoiceSet(all) { Id = "support", Label = T("review.supportPick"), IsMultiSelect = true, Style = "compact", Value = support.Count > 0 ? string.Join(",", support) : null },
            new InputDate { Id = "due", Label = T("review.due"), Value = due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        ];
    }

    private static string Mark(MeetingItem item, string name) => item.UnknownActors.Contains(name, StringComparer.Ordinal) ? "⚠ " + name : name;

    private static ActionExecute Button(string title, string verb, string meetingId, string page, params (string Key, string? Value)[] extra) =>
        CardActions.Execute(title, verb, [("meetingId", meetingId), ("page", page), .. extra]);

}
