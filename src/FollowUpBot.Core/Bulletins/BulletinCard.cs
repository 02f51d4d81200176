using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Localization;
using FollowUpBot.Summaries;

namespace FollowUpBot.Bulletins;

/// <summary>The verbs of bulletin cards; each carries <c>meetingId</c> and <c>period</c> (<see cref="BulletinStore.PeriodKey"/>).</summary>
internal static class BulletinVerbs
{
    /// <summary>Save the title and requirements typed on the card and show the preview again.</summary>
    public const string Update = "bulletin.update";

    /// <summary>Save them and post the card and link to every department of the meeting.</summary>
    public const string Send = "bulletin.send";
}

/// <summary>What a bulletin card shows: the bulletin, its link (null without a public address), and whether the reader is the organiser (who may edit and send).</summary>
internal sealed record BulletinCardView(Bulletin Bulletin, Uri? DownloadUrl, DateTimeOffset? LinkExpires, bool ForOrganiser);

/// <summary>The preview card of a bulletin: totals by section, the red list (overdue items), the download link, and for the organiser the editable title and requirements with Update and Send.</summary>
internal static class BulletinCard
{
    public const string TitleInput = "bulletinTitle";
    public const string RequirementsInput = "bulletinRequirements";

    private const int RedLines = 12;

    public static AdaptiveCard Build(BulletinCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var b = view.Bulletin;
        var locale = b.Locale;
        string T(string key) => Texts.Get(locale, key);

        var body = new List<CardElement>
        {
            new TextBlock(Texts.Format(locale, "bulletin.cardTitle", b.MeetingTitle)) { Size = "medium", Weight = "bolder" },
            new TextBlock(b.Title) { Weight = "bolder", Spacing = "small" },
            new TextBlock(Texts.Format(locale, "bulletin.asOf", SummaryCard.Date(b.Since), SummaryCard.Date(b.Until))) { IsSubtle = true, Spacing = "none" },
        };
        if (!view.ForOrganiser)
        {
            body.Add(new TextBlock(T("bulletin.departmentIntro")) { Spacing = "small" });
        }

        body.Add(new FactSet(
        [
            new Fact(T("bulletin.total"), Number(b.Items.Count)),
            .. BulletinRules.SectionOrder.Select(s => new Fact(T("bulletin.short." + s), Number(b.Count(s)))),
        ]));

        var red = b.In(BulletinSection.Overdue).OrderByDescending(i => i.DaysOverdue).ThenBy(i => i.Number ?? int.MaxValue).ToList();
        body.Add(new TextBlock($"{T("bulletin.redList")} ({red.Count})") { Weight = "bolder", Spacing = "medium", Separator = true, Color = red.Count > 0 ? "attention" : "default" });
        if (red.Count == 0)
        {
            body.Add(new TextBlock(T("bulletin.redNone")) { IsSubtle = true, Size = "small", Spacing = "none" });
        }

        foreach (var item in red.Take(RedLines))
        {
            body.Add(new TextBlock(Texts.Format(locale, "bulletin.redLine",
                item.Number?.ToString(CultureInfo.InvariantCulture) ?? "–",
                CardActions.Truncate(item.Task, 50),
                string.Join(locale == UiLocale.ZhCN ? "、" : ", ", item.Lead),
                item.Due is { } due ? SummaryCard.Date(due) : "–",
                item.DaysOverdue))
            { Size = "small", Color = "attention", Spacing = "none" });
        }

        if (red.Count > RedLines)
        {
            body.Add(new TextBlock(Texts.Format(locale, "bulletin.more", red.Count - RedLines)) { IsSubtle = true, Size = "small", Spacing = "none" });
        }

        if (view.LinkExpires is { } expires)
        {
            body.Add(new TextBlock(Texts.Format(locale, "bulletin.linkExpires", SummaryLinksText(expires))) { IsSubtle = true, Size = "small", Spacing = "medium" });
        }
        else if (view.DownloadUrl is null)
        {
            body.Add(new TextBlock(T("bulletin.noPublicUrl")) { IsSubtle = true, Size = "small", Spacing = "medium" });
        }

        var actions = new List<CardAction>();
        if (view.DownloadUrl is { } url)
        {
            actions.Add(new ActionOpenUrl(url) { Title = T("bulletin.download") });
        }

        if (view.ForOrganiser)
        {
            var period = BulletinStore.PeriodKey(b.Since, b.Until);
            body.Add(new InputText { Id = TitleInput, Label = T("bulletin.titleLabel"), Value = b.Title, MaxLength = 200, Separator = true, Spacing = "medium" });
            body.Add(new InputText
            {
                Id = RequirementsInput,
                Label = T("bulletin.requirementsLabel"),
                Value = b.Requirements ?? T("bulletin.defaultRequirements"),
                IsMultiline = true,
                MaxLength = 2000,
            });
            actions.Add(CardActions.Execute(T("bulletin.update"), BulletinVerbs.Update, ("meetingId", b.MeetingId), ("period", period)));
            actions.Add(CardActions.Execute(T("bulletin.send"), BulletinVerbs.Send, ("meetingId", b.MeetingId), ("period", period)));
        }

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = b.Title,
            Body = body,
            Actions = actions,
            MsTeams = new TeamsCardProperties("Full"),
        };
    }

    private static string SummaryLinksText(DateTimeOffset expires) =>
        expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
