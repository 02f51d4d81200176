using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Localization;

namespace FollowUpBot.Departments;

/// <summary>Verbs of the directory card.</summary>
internal static class DirectoryVerbs
{
    public const string Page = "directory.page";
    public const string Add = "directory.add";
    public const string Remove = "directory.remove";
    public const string Link = "directory.link";
}

/// <summary>
/// The organisers' directory card (<c>directory</c> / <c>通讯录</c>): departments with their contacts and where each comes
/// from (file, Entra group, department attribute, added in chat), paged so the card stays under 28 KB whatever the
/// directory's size; forms to add a contact by email/UPN, remove one, and link a department to an Entra group.
/// </summary>
internal static class DirectoryCard
{
    public const int DepartmentsPerPage = 6;
    public const int ContactsShown = 8;

    public static AdaptiveCard Build(UiLocale locale, DepartmentDirectory directory, int page, string? banner = null, bool bannerIsError = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string T(string key) => Texts.Get(locale, key);
        var departments = directory.Departments;
        var pages = Math.Max(1, (departments.Count + DepartmentsPerPage - 1) / DepartmentsPerPage);
        page = Math.Clamp(page, 0, pages - 1);
        var shown = departments.Skip(page * DepartmentsPerPage).Take(DepartmentsPerPage).ToList();
        var pageText = page.ToString(CultureInfo.InvariantCulture);

        var body = new List<CardElement>
        {
            new TextBlock(T("directory.title")) { Size = "medium", Weight = "bolder" },
            new TextBlock(Texts.Format(locale, "directory.summary", departments.Count, departments.Sum(d => d.Contacts.Count), page + 1, pages)) { IsSubtle = true },
        };
        if (banner is not null)
        {
            body.Add(new Container([new TextBlock(CardActions.Truncate(banner, 500)) { Color = bannerIsError ? "attention" : "good" }]) { Style = bannerIsError ? "attention" : "good" });
        }

        foreach (var department in shown)
        {
            var items = new List<CardElement> { new TextBlock(CardActions.Truncate(department.Name, 80)) { Weight = "bolder" } };
            if (!string.IsNullOrWhiteSpace(department.GroupId))
            {
                items.Add(new TextBlock(Texts.Format(locale, "directory.linkedGroup", department.GroupId)) { Size = "small", IsSubtle = true });
            }

            if (!string.IsNullOrWhiteSpace(department.DepartmentAttribute))
            {
                items.Add(new TextBlock(Texts.Format(locale, "directory.linkedAttribute", CardActions.Truncate(department.DepartmentAttribute, 80))) { Size = "small", IsSubtle = true });
            }

            if (department.Contacts.Count == 0)
            {
                items.Add(new TextBlock(T("directory.noContacts")) { Size = "small" });
            }
            else
            {
                items.Add(new FactSet([.. department.Contacts.Take(ContactsShown).Select(c => new Fact(
                    CardActions.Truncate(c.Name ?? c.Upn ?? c.AadObjectId, 40),
                    CardActions.Truncate(c.Upn ?? c.AadObjectId, 60) + " · " + T("directory.source." + (c.Source ?? ContactSources.File))))]));
                if (department.Contacts.Count > ContactsShown)
                {
                    items.Add(new TextBlock(Texts.Format(locale, "directory.more", department.Contacts.Count - ContactsShown)) { Size = "small", IsSubtle = true });
                }
            }

            body.Add(new Container(items) { Separator = true });
        }

        if (shown.Count > 0)
        {
            var departmentChoices = shown.Select(d => new Choice(CardActions.Truncate(d.Name, 60), d.Name)).ToList();
            body.Add(new InputChoiceSet(departmentChoices) { Id = "addDepartment", Label = T("directory.department"), Style = "compact", Value = shown[0].Name, Separator = true, Spacing = "large" });
            body.Add(new InputText { Id = "upn", Label = T("directory.upn"), Placeholder = "name@contoso.com", MaxLength = 256 });
            body.Add(new ActionSet([CardActions.Execute(T("directory.add"), DirectoryVerbs.Add, ("page", pageText))]));

            var contactChoices = shown.SelectMany(d => d.Contacts.Take(ContactsShown).Select(c => new Choice(
                CardActions.Truncate($"{d.Name} — {c.Name ?? c.Upn ?? c.AadObjectId}", 80), d.Name + "|" + c.AadObjectId))).ToList();
            if (contactChoices.Count > 0)
            {
                body.Add(new InputChoiceSet(contactChoices) { Id = "contact", Label = T("directory.remove"), Style = "compact", Separator = true });
                body.Add(new ActionSet([CardActions.Execute(T("directory.remove"), DirectoryVerbs.Remove, ("page", pageText)) with { Style = "destructive" }]));
                body.Add(new TextBlock(T("directory.syncRemovedNote")) { Size = "small", IsSubtle = true, Wrap = true });
            }

            body.Add(new InputChoiceSet(departmentChoices) { Id = "linkDepartment", Label = T("directory.department"), Style = "compact", Value = shown[0].Name, Separator = true });
            body.Add(new InputText { Id = "groupId", Label = T("directory.groupId"), Placeholder = "00000000-0000-0000-0000-000000000000", MaxLength = 64 });
            body.Add(new ActionSet([CardActions.Execute(T("directory.link"), DirectoryVerbs.Link, ("page", pageText))]));
        }

        var actions = new List<CardAction>();
        if (page > 0)
        {
            actions.Add(CardActions.Execute(T("directory.previous"), DirectoryVerbs.Page, ("page", (page - 1).ToString(CultureInfo.InvariantCulture))));
        }

        if (page + 1 < pages)
        {
            actions.Add(CardActions.Execute(T("directory.next"), DirectoryVerbs.Page, ("page", (page + 1).ToString(CultureInfo.InvariantCulture))));
        }

        return new AdaptiveCard
        {
            Lang = locale.Language(),
            FallbackText = T("directory.title"),
            Body = body,
            Actions = actions.Count == 0 ? null : actions,
        };
    }
}
