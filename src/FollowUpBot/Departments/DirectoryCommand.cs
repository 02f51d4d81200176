using System.Globalization;
using FollowUpBot.FollowUp;
using FollowUpBot.Graph;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Departments;

/// <summary><c>directory</c> / <c>通讯录</c> from an organiser: the directory card.</summary>
internal sealed class DirectoryCommand(DirectoryStore directory, IOptions<FollowUpOptions> options) : IMessageHandler
{
    public int Order => 31;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Text.Trim().ToLowerInvariant() is not ("directory" or "contacts" or "通讯录" or "单位名录" or "名录"))
        {
            return false;
        }

        if (!turn.IsOrganiser(options.Value))
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "import.refused"), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var current = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        await turn.ReplyCardAsync(DirectoryCard.Build(turn.Locale, current, 0), cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>
/// The directory card's buttons (organisers only): page, add a contact by email/UPN (resolved with Microsoft Graph
/// <c>GET /users/{upn}</c>), remove a contact, link a department to an Entra group (its members are read at once).
/// Every change is an ETag-conditional write of <c>directory/departments.json</c>; the answer is the refreshed card.
/// </summary>
internal sealed class DirectoryActions(
    DirectoryStore directory,
    EntraClient entra,
    DirectorySynchronizer synchronizer,
    IOptions<GraphOptions> graph,
    IOptions<FollowUpOptions> options) : ICardActionHandler
{
    public string Verb => "directory.*";

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var locale = turn.Locale;
        if (!turn.IsOrganiser(options.Value))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(locale, "import.refused"), cancellationToken).ConfigureAwait(false);
        }

        var page = int.TryParse(action.GetString("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        (string? Text, bool Error) outcome;
        try
        {
            outcome = action.Verb.ToLowerInvariant() switch
            {
                DirectoryVerbs.Add => await AddAsync(locale, action, cancellationToken).ConfigureAwait(false),
                DirectoryVerbs.Remove => await RemoveAsync(locale, action, cancellationToken).ConfigureAwait(false),
                DirectoryVerbs.Link => await LinkAsync(locale, action, cancellationToken).ConfigureAwait(false),
                _ => (null, false),
            };
        }
        catch (GraphCallException e)
        {
            outcome = (Failure(locale, e), true);
        }

        var current = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        return await turn.AnswerCardAsync(action, DirectoryCard.Build(locale, current, page, outcome.Text, outcome.Error), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string?, bool)> AddAsync(UiLocale locale, CardActionRequest action, CancellationToken cancellationToken)
    {
        var department = action.GetString("addDepartment");
        var upn = action.GetString("upn")?.Trim();
        if (string.IsNullOrEmpty(upn))
        {
            return (Texts.Get(locale, "directory.needUpn"), true);
        }

        if (!graph.Value.IsEnabled)
        {
            return (Texts.Get(locale, "directory.graphOff"), true);
        }

        if (!await KnownAsync(department, cancellationToken).ConfigureAwait(false))
        {
            return (Texts.Format(locale, "directory.unknownDepartment", department), true);
        }

        var user = await entra.FindUserAsync(upn, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return (Texts.Format(locale, "directory.userNotFound", upn), true);
        }

        var contact = new Contact(user.Id, user.DisplayName) { Source = ContactSources.Chat, Upn = user.UserPrincipalName ?? user.Mail ?? upn };
        return await directory.AddContactAsync(department!, contact, cancellationToken).ConfigureAwait(false)
            ? (Texts.Format(locale, "directory.added", contact.Name ?? contact.Upn, contact.Upn, department), false)
            : (Texts.Format(locale, "directory.unknownDepartment", department), true);
    }

    private async Task<(string?, bool)> RemoveAsync(UiLocale locale, CardActionRequest action, CancellationToken cancellationToken)
    {
        var value = action.GetString("contact") ?? string.Empty;
        var bar = value.LastIndexOf('|');
        if (bar <= 0)
        {
            return (null, false);
        }

        var (department, aad) = (value[..bar], value[(bar + 1)..]);
        var name = (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments
            .FirstOrDefault(d => d.Name == department)?.Contacts.FirstOrDefault(c => c.AadObjectId == aad) is { } contact ? contact.Name ?? contact.Upn ?? aad : aad;
        return await directory.RemoveContactAsync(department, aad, cancellationToken).ConfigureAwait(false)
            ? (Texts.Format(locale, "directory.removed", name, department), false)
            : (Texts.Format(locale, "directory.notContact", name, department), true);
    }

    private async Task<(string?, bool)> LinkAsync(UiLocale locale, CardActionRequest action, CancellationToken cancellationToken)
    {
        var department = action.GetString("linkDepartment");
        var groupId = action.GetString("groupId")?.Trim();
        if (string.IsNullOrEmpty(groupId))
        {
            return (Texts.Get(locale, "directory.needGroup"), true);
        }

        if (!graph.Value.IsEnabled)
        {
            return (Texts.Get(locale, "directory.graphOff"), true);
        }

        if (!await KnownAsync(department, cancellationToken).ConfigureAwait(false) || !await directory.LinkGroupAsync(department!, groupId, cancellationToken).ConfigureAwait(false))
        {
            return (Texts.Format(locale, "directory.unknownDepartment", department), true);
        }

        var result = await synchronizer.SyncOnceAsync(cancellationToken).ConfigureAwait(false);
        if (result.Failed.TryGetValue(department!, out var failure))
        {
            return failure.Failure == GraphFailure.NotFound
                ? (Texts.Format(locale, "directory.groupNotFound", groupId, department), true)
                : (Failure(locale, failure), true);
        }

        return result.Synced.TryGetValue(department!, out var count)
            ? (Texts.Format(locale, "directory.linked", department, groupId, count), false)
            : (Texts.Format(locale, "directory.linkedPending", department, groupId), false);
    }

    private async Task<bool> KnownAsync(string? department, CancellationToken cancellationToken) =>
        department is not null && (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments.Any(d => d.Name == department);

    private static string Failure(UiLocale locale, GraphCallException e) => e.Failure switch
    {
        GraphFailure.Forbidden => Texts.Get(locale, "directory.graphForbidden"),
        GraphFailure.Throttled => Texts.Format(locale, "directory.graphThrottled", Math.Ceiling((e.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds).ToString(CultureInfo.InvariantCulture)),
        _ => Texts.Format(locale, "directory.graphFailed", e.Status.ToString(CultureInfo.InvariantCulture)),
    };
}
