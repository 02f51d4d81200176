using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Reminders;

/// <summary>One line of a contact's digest: an item, its meeting, and the department the contact answers for.</summary>
internal sealed record DigestLine(MeetingDocument Meeting, MeetingItem Item, string Department);

/// <summary>What a department contact's reminder shows, built at send time from the items as they are then.</summary>
internal sealed record DigestView(ReminderKind Kind, string SlotKey, UiLocale Locale, DateOnly Today, IReadOnlyList<DigestLine> Lines);

/// <summary>An overdue item as an organiser sees it: how long overdue and how long silent.</summary>
internal sealed record EscalatedLine(MeetingDocument Meeting, MeetingItem Item, int OverdueWorkingDays, int DaysSilent, bool EverReported);

/// <summary>A contact a reminder could not reach, for the organiser.</summary>
internal sealed record UnreachableLine(string MeetingTitle, int? ItemNumber, string Department, UnreachableContact Contact);

/// <summary>What an organiser's escalation shows.</summary>
internal sealed record EscalationView(
    ReminderKind Kind,
    string SlotKey,
    UiLocale Locale,
    IReadOnlyList<EscalatedLine> Items,
    IReadOnlyList<UnreachableLine> Unreachable,
    IReadOnlyList<string> DepartmentsWithoutContacts);

/// <summary>
/// The reminder cards: a contact's digest of open items (each with the checklist's report form, so they can
/// report right there, and a button back to the full checklist), and an organiser's escalation. Both stop
/// adding items before 28,000 bytes and say how many more there are.
/// </summary>
internal static class ReminderCard
{
    /// <summary>Room kept for the "more" note and the actions after the last item.</summary>
    private const int Reserve = 3_000;
    private const int MaxChecklistButtons = 5;

    /// <summary>The element id that names the slot; the card's JSON carries it so a message can be traced to its marker.</summary>
    public static string SlotElementId(string slotKey) => "reminder-" + slotKey;

    public static AdaptiveCard BuildDigest(DigestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var locale = view.Locale;
        var overdue = view.Lines.Count(l => l.Item.CurrentDue is { } d && d < view.Today);
        var soon = view.Lines.Count(l => l.Item.CurrentDue is { } d && d >= view.Today && d.DayNumber - view.Today.DayNumber <= ChecklistCard.DueSoonDays);
        var title = Texts.Format(locale, view.Kind == ReminderKind.Due ? "reminder.due.title" : "reminder.cron.title", view.Lines.Count);
        var body = new List<CardElement>
        {
            new TextBlock(title) { Id = SlotElementId(view.SlotKey), Size = "medium", Weight = "bolder" },
            new TextBlock(Texts.Format(locale, "reminder.summary", overdue, soon)) { IsSubtle = true, Spacing = "none", Color = overdue > 0 ? "attention" : "default" },
        };

        var buttons = view.Lines
            .Select(l => (l.Meeting, l.Department))
            .DistinctBy(p => (p.Meeting.Id, p.Department))
            .Take(MaxChecklistButtons)
            .Select(p => (CardAction)CardActions.Execute(
                Texts.Format(locale, "reminder.openChecklist", Shorten(p.Meeting.Title, 30), p.Department),
                ChecklistVerbs.Refresh,
                ("meetingId", p.Meeting.Id), ("department", p.Department), ("page", "0"), ("reminder", view.SlotKey)))
            .ToList();

        var shown = 0;
        foreach (var line in view.Lines)
        {
            var block = new Container(
            [
                new TextBlock(line.Meeting.Title) { Size = "small", IsSubtle = true, Spacing = "none" },
                ChecklistCard.ItemBlock(new ChecklistView(line.Meeting, line.Department, locale, view.Today), line.Item),
            ]) { Separator = true };
            if (!Fits(body, block, buttons, locale, title))
            {
                break;
            }

            body.Add(block);
            shown++;
        }

        if (shown < view.Lines.Count)
        {
            body.Add(new TextBlock(Texts.Format(locale, "reminder.more", view.Lines.Count - shown)) { IsSubtle = true, Separator = true });
        }

        return Card(locale, title, body, buttons);
    }

    public static AdaptiveCard BuildEscalation(EscalationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var locale = view.Locale;
        var title = view.Items.Count > 0
            ? Texts.Format(locale, "reminder.escalation.title", view.Items.Count)
            : Texts.Get(locale, "reminder.unreachable.title");
        var body = new List<CardElement> { new TextBlock(title) { Id = SlotElementId(view.SlotKey), Size = "medium", Weight = "bolder", Color = "attention" } };

        // Who could not be told comes first: it is what the organiser must act on (install the app, call them).
        var more = 0;
        if (view.Unreachable.Count > 0 || view.DepartmentsWithoutContacts.Count > 0)
        {
            var lines = new List<CardElement> { new TextBlock(Texts.Get(locale, "reminder.unreachable.heading")) { Weight = "bolder" } };
            foreach (var line in view.Unreachable)
            {
                var item = line.ItemNumber is { } n ? $" #{n.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
                lines.Add(new TextBlock(Texts.Format(locale, "reminder.unreachable.line",
                    line.Contact.Name ?? line.Contact.AadObjectId, line.Department, ReasonText(locale, line.Contact.Reason),
                    line.Contact.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC", Shorten(line.MeetingTitle, 40) + item))
                { Size = "small", Spacing = "none" });
            }

            if (view.DepartmentsWithoutContacts.Count > 0)
            {
                lines.Add(new TextBlock(Texts.Format(locale, "reminder.noContact", string.Join("、", view.DepartmentsWithoutContacts))) { Size = "small", Spacing = "none" });
            }

            var section = new Container(lines) { Style = "warning" };
            if (Fits(body, section, [], locale, title))
            {
                body.Add(section);
            }
            else
            {
                more += view.Unreachable.Count;
            }
        }

        var shown = 0;
        foreach (var line in view.Items)
        {
            var block = EscalatedBlock(locale, line);
            if (!Fits(body, block, [], locale, title))
            {
                break;
            }

            body.Add(block);
            shown++;
        }

        more += view.Items.Count - shown;
        if (more > 0)
        {
            body.Add(new TextBlock(Texts.Format(locale, "reminder.escalation.more", more)) { IsSubtle = true, Separator = true });
        }

        return Card(locale, title, body, []);
    }

    /// <summary>The words for a stored unreachable reason.</summary>
    public static string ReasonText(UiLocale locale, string reason)
    {
        var key = "reminder.reason." + reason;
        return Texts.Keys(locale).Contains(key) ? Texts.Get(locale, key) : reason;
    }

    private static Container EscalatedBlock(UiLocale locale, EscalatedLine line)
    {
        var item = line.Item;
        var number = item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–";
        var due = item.CurrentDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        var silence = line.EverReported
            ? Texts.Format(locale, "reminder.escalation.silent", line.DaysSilent)
            : Texts.Format(locale, "reminder.escalation.neverReported", line.DaysSilent);
        var departments = item.Departments
            .Select(d => $"{d.Department}{(d.Role == DepartmentRole.Support ? Texts.Get(locale, "reminder.escalation.supportMark") : string.Empty)}: {ChecklistCard.StatusText(locale, d.Status)}{(d.Percent is { } p ? $" {p}%" : string.Empty)}");
        return new Container(
        [
            new TextBlock(line.Meeting.Title) { Size = "small", IsSubtle = true, Spacing = "none" },
            new TextBlock($"{number}. {item.Task}") { Weight = "bolder", MaxLines = 3 },
            new TextBlock(Texts.Format(locale, "reminder.escalation.overdue", due, line.OverdueWorkingDays)) { Color = "attention", Size = "small", Spacing = "none" },
            new TextBlock(silence) { Size = "small", Spacing = "none" },
            new TextBlock(string.Join(" · ", departments)) { Size = "small", IsSubtle = true, Spacing = "none" },
        ]) { Separator = true, Spacing = "medium" };
    }

    private static bool Fits(List<CardElement> body, CardElement next, IReadOnlyList<CardAction> actions, UiLocale locale, string title) =>
        CardJson.Size(Card(locale, title, [.. body, next], actions)) <= CardJson.MaxBytes - Reserve;

    private static AdaptiveCard Card(UiLocale locale, string title, IReadOnlyList<CardElement> body, IReadOnlyList<CardAction> actions) => new()
    {
        Lang = locale.Language(),
        FallbackText = title,
        Body = body,
        Actions = actions.Count > 0 ? actions : null,
        MsTeams = new TeamsCardProperties("Full"),
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
