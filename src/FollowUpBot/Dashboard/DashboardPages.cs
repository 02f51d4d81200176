using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Summaries;

namespace FollowUpBot.Dashboard;

/// <summary>How the pages link to each other: the path, plus what keeps the reader signed in (a signed query) and their language.</summary>
internal delegate string DashboardHref(string path);

/// <summary>
/// The dashboard's HTML, rendered on the server from the same summaries as the card: semantic tables,
/// headings and lists; each department's bar is an inline SVG with a text equivalent beside it.
/// No script is needed to read a page (the script only fetches it with a Teams token inside Teams).
/// </summary>
internal static class DashboardPages
{
    private const int BarWidth = 240;
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The whole document around a page's main content; <paramref name="withScripts"/> adds the Teams sign-in.</summary>
    public static string Document(UiLocale locale, string title, string main, DashboardHref href, string currentPath, bool withScripts)
    {
        ArgumentNullException.ThrowIfNull(href);
        var other = locale == UiLocale.ZhCN ? UiLocale.EnUS : UiLocale.ZhCN;
        var b = new StringBuilder(main.Length + 2048);
        b.Append("<!DOCTYPE html><html lang=\"").Append(locale.Tag()).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<title>").Append(E(title)).Append(" — ").Append(E(T(locale, "dashboard.title"))).Append("</title>")
            .Append("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/dashboard/assets/dashboard.css\"></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(E(T(locale, "dashboard.skip"))).Append("</a>")
            .Append("<header><p class=\"brand\"><a href=\"").Append(A(href("/dashboard"))).Append("\">").Append(E(T(locale, "dashboard.title"))).Append("</a></p>")
            .Append("<nav aria-label=\"language\"><a lang=\"").Append(other.Tag()).Append("\" href=\"").Append(A(SwitchLanguage(href(currentPath), other))).Append("\">")
            .Append(E(T(locale, "dashboard.language"))).Append("</a></nav></header>")
            .Append("<main id=\"main\" tabindex=\"-1\"");
        if (withScripts)
        {
            b.Append(" data-signing-in=\"").Append(A(T(locale, "dashboard.signingIn")))
                .Append("\" data-unauthorised=\"").Append(A(T(locale, "dashboard.unauthorised").Replace("**", string.Empty, StringComparison.Ordinal)))
                .Append("\" data-forbidden=\"").Append(A(T(locale, "dashboard.forbidden"))).Append('"');
        }

        b.Append('>').Append(main).Append("</main>");
        if (withScripts)
        {
            b.Append("<script src=\"/dashboard/assets/dashboard.js\"></script>");
        }

        return b.Append("</body></html>").ToString();
    }

    /// <summary>What a request without credentials gets: no data, a way in, and (inside Teams) the sign-in script.</summary>
    public static string SignIn(UiLocale locale) =>
        $"<h1>{E(T(locale, "dashboard.title"))}</h1><p id=\"sso-status\" role=\"status\">{E(T(locale, "dashboard.unauthorised").Replace("**", string.Empty, StringComparison.Ordinal))}</p>";

    public static string Message(UiLocale locale, string key) => $"<h1>{E(T(locale, "dashboard.title"))}</h1><p role=\"status\">{E(T(locale, key))}</p>";

    public static string Meetings(UiLocale locale, IReadOnlyList<MeetingSummary> meetings, DashboardHref href, DateTimeOffset? linkExpires)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(T(locale, "dashboard.meetings"))).Append("</h1>");
        Expiry(b, locale, linkExpires);
        if (meetings.Count == 0)
        {
            return b.Append("<p>").Append(E(T(locale, "dashboard.noMeetings"))).Append("</p>").ToString();
        }

        b.Append("<table><thead><tr>");
        Headers(b, locale, "dashboard.meeting", "summary.items", "dashboard.percentClosed", "summary.open", "summary.dueSoon", "summary.overdue");
        b.Append("</tr></thead><tbody>");
        foreach (var s in meetings)
        {
            b.Append("<tr><th scope=\"row\"><a href=\"").Append(A(href(MeetingPath(s.MeetingId)))).Append("\">").Append(E(s.Title)).Append("</a>");
            if (s.State != MeetingState.Published)
            {
                b.Append(' ').Append(E(T(locale, "summary.draft")));
            }

            b.Append("</th>");
            Numbers(b, s.Total);
            b.Append("<td class=\"num\">").Append(s.PercentClosed.ToString(CultureInfo.InvariantCulture)).Append("%</td>");
            Numbers(b, s.Open, s.DueSoon, s.Overdue);
            b.Append("</tr>");
        }

        return b.Append("</tbody></table>").ToString();
    }

    public static string Meeting(UiLocale locale, MeetingDocument meeting, MeetingSummary s, DashboardHref href, DateTimeOffset? linkExpires)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(s);
        var b = new StringBuilder();
        b.Append("<p class=\"crumbs\"><a href=\"").Append(A(href("/dashboard"))).Append("\">").Append(E(T(locale, "dashboard.back"))).Append("</a></p>");
        b.Append("<h1>").Append(E(meeting.Title)).Append("</h1>");
        b.Append("<p class=\"subtle\">").Append(E(Texts.Format(locale, "summary.asOf", SummaryCard.Date(s.Today))));
        if (s.State != MeetingState.Published)
        {
            b.Append(' ').Append(E(T(locale, "summary.draft")));
        }

        b.Append("</p>");
        Expiry(b, locale, linkExpires);
        b.Append("<dl class=\"totals\">");
        Fact(b, T(locale, "summary.items"), s.Total.ToString(CultureInfo.InvariantCulture), null);
        Fact(b, T(locale, "summary.closed"), Texts.Format(locale, "summary.closedValue", s.Closed, s.PercentClosed), "done");
        Fact(b, T(locale, "summary.open"), s.Open.ToString(CultureInfo.InvariantCulture), null);
        Fact(b, T(locale, "summary.dueSoon"), s.DueSoon.ToString(CultureInfo.InvariantCulture), "soon");
        Fact(b, T(locale, "summary.overdue"), s.Overdue.ToString(CultureInfo.InvariantCulture), "late");
        Fact(b, T(locale, "summary.blocked"), s.Blocked.ToString(CultureInfo.InvariantCulture), null);
        b.Append("</dl>");

        Chart(b, locale, s.Departments);
        ItemTable(b, locale, "overdue", T(locale, "summary.overdueList"), s.OverdueItems, meeting.Id, href);
        ItemTable(b, locale, "due-soon", T(locale, "summary.dueSoonList"), s.DueSoonItems, meeting.Id, href);
        Requests(b, locale, T(locale, "summary.extensions"), s.PendingExtensions, extension: true);
        Requests(b, locale, T(locale, "summary.completions"), s.PendingCompletions, extension: false);

        b.Append("<section aria-labelledby=\"all-items\"><h2 id=\"all-items\">").Append(E(T(locale, "dashboard.items"))).Append(" (").Append(meeting.Items.Count).Append(")</h2>");
        b.Append("<table><thead><tr>");
        Headers(b, locale, "export.number", "export.task", "export.lead", "export.support", "export.due", "export.status", "export.lastReport");
        b.Append("</tr></thead><tbody>");
        var latest = s.LatestReports.GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var item in meeting.Items.OrderBy(i => i.Number ?? int.MaxValue))
        {
            var light = MeetingSummaries.Light(item.CurrentDue, s.Today, item.Status);
            b.Append("<tr><td class=\"num\">").Append(E(item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–")).Append("</td>")
                .Append("<td><a href=\"").Append(A(href(ItemPath(meeting.Id, item.Id)))).Append("\">").Append(E(item.Task)).Append("</a></td>")
                .Append("<td>").Append(E(string.Join("、", item.Lead))).Append("</td>")
                .Append("<td>").Append(E(string.Join("、", item.Support))).Append("</td>");
            Due(b, locale, item.CurrentDue, s.Today, light);
            b.Append("<td>").Append(E(ChecklistCard.StatusText(locale, item.Status))).Append("</td><td>")
                .Append(latest.TryGetValue(item.Id, out var report) ? E(SummaryCard.ReportText(locale, report, withItem: false)) : E(T(locale, "checklist.noReport")))
                .Append("</td></tr>");
        }

        return b.Append("</tbody></table></section>").ToString();
    }

    public static string Item(UiLocale locale, MeetingDocument meeting, MeetingItem item, DateOnly today, IReadOnlyList<HistoryEntry> history, DashboardHref href, DateTimeOffset? linkExpires)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(history);
        var b = new StringBuilder();
        b.Append("<p class=\"crumbs\"><a href=\"").Append(A(href("/dashboard"))).Append("\">").Append(E(T(locale, "dashboard.back"))).Append("</a> › <a href=\"")
            .Append(A(href(MeetingPath(meeting.Id)))).Append("\">").Append(E(meeting.Title)).Append("</a></p>");
        b.Append("<h1>").Append(E(item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–")).Append(". ").Append(E(item.Task)).Append("</h1>");
        Expiry(b, locale, linkExpires);
        b.Append("<dl class=\"facts\">");
        Fact(b, T(locale, "export.section"), item.Section ?? "–", null);
        Fact(b, T(locale, "export.lead"), string.Join("、", item.Lead), null);
        Fact(b, T(locale, "export.support"), item.Support.Count == 0 ? "–" : string.Join("、", item.Support), null);
        var light = MeetingSummaries.Light(item.CurrentDue, today, item.Status);
        var dueText = item.CurrentDue is not { } due ? T(locale, "checklist.noDue") : SummaryCard.Date(due) + light switch
        {
            DueLight.Red => " · " + Texts.Format(locale, "checklist.overdue", today.DayNumber - due.DayNumber),
            DueLight.Yellow => " · " + Texts.Format(locale, "checklist.dueSoon", due.DayNumber - today.DayNumber),
            _ => string.Empty,
        };
        Fact(b, T(locale, "export.due"), dueText, light == DueLight.Red ? "late" : light == DueLight.Yellow ? "soon" : null);
        Fact(b, T(locale, "export.status"), ChecklistCard.StatusText(locale, item.Status), null);
        b.Append("</dl>");

        b.Append("<section aria-labelledby=\"parts\"><h2 id=\"parts\">").Append(E(T(locale, "dashboard.departments"))).Append("</h2><table><thead><tr>");
        Headers(b, locale, "export.department", "export.role", "export.status", "export.lastReport");
        b.Append("</tr></thead><tbody>");
        foreach (var part in item.Departments)
        {
            b.Append("<tr><th scope=\"row\">").Append(E(part.Department)).Append("</th><td>")
                .Append(E(T(locale, part.Role == DepartmentRole.Lead ? "checklist.lead" : "checklist.support"))).Append("</td><td>")
                .Append(E(ChecklistCard.StatusText(locale, part.Status) + (part.Percent is { } p ? $" · {p}%" : string.Empty))).Append("</td><td>")
                .Append(part is { By: { } by, At: { } at } ? E($"{by.Name}, {SummaryCard.Time(at)}" + (part.Note is { Length: > 0 } n ? " — " + n : string.Empty)) : E(T(locale, "checklist.noReport")))
                .Append("</td></tr>");
        }

        b.Append("</tbody></table></section>");
        b.Append("<section aria-labelledby=\"history\"><h2 id=\"history\">").Append(E(T(locale, "dashboard.history"))).Append(" (").Append(history.Count).Append(")</h2>");
        if (history.Count == 0)
        {
            return b.Append("<p>").Append(E(T(locale, "dashboard.noHistory"))).Append("</p></section>").ToString();
        }

        b.Append("<table><thead><tr>");
        Headers(b, locale, "dashboard.when", "dashboard.who", "dashboard.what");
        b.Append("</tr></thead><tbody>");
        foreach (var entry in history.Reverse())
        {
            b.Append("<tr><td><time datetime=\"").Append(entry.Record.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\">")
                .Append(E(SummaryCard.Time(entry.Record.At))).Append("</time></td><td>").Append(E(entry.Record.By.Name)).Append("</td><td>")
                .Append(E(MeetingHistory.What(locale, entry.Record))).Append("</td></tr>");
        }

        return b.Append("</tbody></table></section>").ToString();
    }

    public static string MeetingPath(string meetingId) => "/dashboard/meetings/" + Uri.EscapeDataString(meetingId);

    public static string ItemPath(string meetingId, string itemId) => MeetingPath(meetingId) + "/items/" + Uri.EscapeDataString(itemId);

    private static void Chart(StringBuilder b, UiLocale locale, IReadOnlyList<DepartmentTally> departments)
    {
        b.Append("<section aria-labelledby=\"chart\"><h2 id=\"chart\">").Append(E(T(locale, "dashboard.chart"))).Append("</h2>")
            .Append("<p class=\"subtle\">").Append(E(T(locale, "dashboard.chartLegend"))).Append("</p><ul class=\"legend\">");
        foreach (var (css, key) in new[] { ("done", "summary.closed"), ("ontrack", "dashboard.onTrack"), ("soon", "summary.dueSoon"), ("late", "summary.overdue") })
        {
            b.Append("<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"").Append(css).Append("\" width=\"12\" height=\"12\"/></svg> ")
                .Append(E(T(locale, key))).Append("</li>");
        }

        b.Append("</ul><table class=\"chart\"><thead><tr>");
        Headers(b, locale, "export.department", "export.role", "summary.closed", "dashboard.onTrack", "summary.dueSoon", "summary.overdue");
        b.Append("<th scope=\"col\"><span class=\"visually-hidden\">").Append(E(T(locale, "dashboard.chart"))).Append("</span></th></tr></thead><tbody>");
        foreach (var d in departments.OrderBy(d => d.Department, StringComparer.Ordinal).ThenBy(d => d.Role))
        {
            var onTrack = d.Open - d.DueSoon - d.Overdue;
            var role = T(locale, d.Role == DepartmentRole.Lead ? "checklist.lead" : "checklist.support");
            b.Append("<tr><th scope=\"row\">").Append(E(d.Department)).Append("</th><td>").Append(E(role)).Append("</td>");
            Numbers(b, d.Done, onTrack, d.DueSoon, d.Overdue);
            var label = $"{d.Department} ({role}): {T(locale, "summary.closed")} {d.Done}, {T(locale, "dashboard.onTrack")} {onTrack}, {T(locale, "summary.dueSoon")} {d.DueSoon}, {T(locale, "summary.overdue")} {d.Overdue}";
            b.Append("<td><svg class=\"bar\" width=\"").Append(BarWidth).Append("\" height=\"16\" role=\"img\" aria-label=\"").Append(A(label)).Append("\">");
            var x = 0.0;
            foreach (var (css, count) in new[] { ("done", d.Done), ("ontrack", onTrack), ("soon", d.DueSoon), ("late", d.Overdue) })
            {
                if (count <= 0 || d.Total == 0)
                {
                    continue;
                }

                var width = BarWidth * (double)count / d.Total;
                b.Append("<rect class=\"").Append(css).Append("\" x=\"").Append(x.ToString("0.##", CultureInfo.InvariantCulture))
                    .Append("\" width=\"").Append(width.ToString("0.##", CultureInfo.InvariantCulture)).Append("\" height=\"16\"/>");
                x += width;
            }

            b.Append("</svg></td></tr>");
        }

        b.Append("</tbody></table></section>");
    }

    private static void ItemTable(StringBuilder b, UiLocale locale, string id, string heading, IReadOnlyList<ItemLine> items, string meetingId, DashboardHref href)
    {
        b.Append("<section aria-labelledby=\"").Append(id).Append("\"><h2 id=\"").Append(id).Append("\">").Append(E(heading)).Append(" (").Append(items.Count).Append(")</h2>");
        if (items.Count == 0)
        {
            b.Append("<p>").Append(E(T(locale, "summary.none"))).Append("</p></section>");
            return;
        }

        b.Append("<table><thead><tr>");
        Headers(b, locale, "export.number", "export.task", "export.lead", "export.due", "export.lastReport");
        b.Append("</tr></thead><tbody>");
        foreach (var item in items)
        {
            var when = item.Due is null ? T(locale, "checklist.noDue")
                : SummaryCard.Date(item.Due.Value) + " · " + Texts.Format(locale, id == "overdue" ? "checklist.overdue" : "checklist.dueSoon", item.Days);
            b.Append("<tr><td class=\"num\">").Append(E(item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–")).Append("</td>")
                .Append("<td><a href=\"").Append(A(href(ItemPath(meetingId, item.ItemId)))).Append("\">").Append(E(item.Task)).Append("</a></td>")
                .Append("<td>").Append(E(string.Join("、", item.Lead))).Append("</td>")
                .Append("<td class=\"").Append(id == "overdue" ? "late" : "soon").Append("\">").Append(E(when)).Append("</td><td>")
                .Append(item.LastReport is { } r ? E(SummaryCard.ReportText(locale, r, withItem: false)) : E(T(locale, "checklist.noReport")))
                .Append("</td></tr>");
        }

        b.Append("</tbody></table></section>");
    }

    private static void Requests(StringBuilder b, UiLocale locale, string heading, IReadOnlyList<RequestLine> requests, bool extension)
    {
        var id = extension ? "extensions" : "completions";
        b.Append("<section aria-labelledby=\"").Append(id).Append("\"><h2 id=\"").Append(id).Append("\">").Append(E(heading)).Append(" (").Append(requests.Count).Append(")</h2>");
        if (requests.Count == 0)
        {
            b.Append("<p>").Append(E(T(locale, "summary.none"))).Append("</p></section>");
            return;
        }

        b.Append("<ul>");
        foreach (var r in requests)
        {
            var what = extension
                ? Texts.Format(locale, "summary.extensionLine", r.Department, r.RequestedDue is { } d ? SummaryCard.Date(d) : "–")
                : Texts.Format(locale, "summary.completionLine", r.Department);
            var who = r.By is { } by && r.At is { } at ? $" ({by.Name}, {SummaryCard.Time(at)})" : string.Empty;
            b.Append("<li>").Append(E($"{r.Number?.ToString(CultureInfo.InvariantCulture) ?? "–"}. {r.Task}: {what}{who}" + (r.Reason is { Length: > 0 } reason ? " — " + reason : string.Empty))).Append("</li>");
        }

        b.Append("</ul></section>");
    }

    private static void Due(StringBuilder b, UiLocale locale, DateOnly? due, DateOnly today, DueLight light)
    {
        var (text, _) = ChecklistCard.DueText(locale, due, today, light == DueLight.None ? ProgressStatus.Closed : ProgressStatus.InProgress);
        b.Append("<td");
        if (light != DueLight.None)
        {
            b.Append(" class=\"").Append(light == DueLight.Red ? "late" : "soon").Append('"');
        }

        b.Append('>').Append(E(text)).Append("</td>");
    }

    private static void Expiry(StringBuilder b, UiLocale locale, DateTimeOffset? expires)
    {
        if (expires is { } at)
        {
            b.Append("<p class=\"subtle\">").Append(E(Texts.Format(locale, "dashboard.linkExpires", SummaryLinks.ExpiryText(at)))).Append("</p>");
        }
    }

    private static void Headers(StringBuilder b, UiLocale locale, params string[] keys)
    {
        foreach (var key in keys)
        {
            b.Append("<th scope=\"col\">").Append(E(T(locale, key))).Append("</th>");
        }
    }

    private static void Numbers(StringBuilder b, params int[] values)
    {
        foreach (var value in values)
        {
            b.Append("<td class=\"num\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td>");
        }
    }

    private static void Fact(StringBuilder b, string term, string value, string? css)
    {
        b.Append("<div><dt>").Append(E(term)).Append("</dt><dd");
        if (css is not null)
        {
            b.Append(" class=\"").Append(css).Append('"');
        }

        b.Append('>').Append(E(value)).Append("</dd></div>");
    }

    private static string SwitchLanguage(string href, UiLocale locale)
    {
        var tag = "lang=" + locale.Tag();
        var at = href.IndexOf("lang=", StringComparison.Ordinal);
        if (at >= 0)
        {
            var end = href.IndexOf('&', at);
            return href[..at] + tag + (end < 0 ? string.Empty : href[end..]);
        }

        return href + (href.Contains('?', StringComparison.Ordinal) ? "&" : "?") + tag;
    }

    private static string T(UiLocale locale, string key) => Texts.Get(locale, key);

    private static string E(string text) => Html.Encode(text);

    private static string A(string text) => Html.Encode(text);
}
