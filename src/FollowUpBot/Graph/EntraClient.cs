using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FollowUpBot.Graph;

/// <summary>What went wrong on a Graph call, in the terms the bot acts on.</summary>
internal enum GraphFailure
{
    /// <summary>403: the permission is missing or the admin has not consented.</summary>
    Forbidden,

    /// <summary>404: no such user, group or installation.</summary>
    NotFound,

    /// <summary>429 (or 503 with Retry-After): try again after <see cref="GraphCallException.RetryAfter"/>.</summary>
    Throttled,

    Other,
}

internal sealed class GraphCallException : Exception
{
    public GraphCallException()
    {
    }

    public GraphCallException(string message)
        : base(message)
    {
    }

    public GraphCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphCallException(GraphFailure failure, int status, string? code, TimeSpan? retryAfter, Exception innerException)
        : base($"Microsoft Graph answered {status.ToString(CultureInfo.InvariantCulture)} {code}.", innerException)
    {
        Failure = failure;
        Status = status;
        Code = code;
        RetryAfter = retryAfter;
    }

    public GraphFailure Failure { get; } = GraphFailure.Other;

    public int Status { get; }

    public string? Code { get; }

    public TimeSpan? RetryAfter { get; }
}

/// <summary>A user as the directory needs them: nothing more is asked of Graph (<c>$select</c>).</summary>
internal sealed record EntraUser(string Id, string? DisplayName, string? UserPrincipalName, string? Mail);

/// <summary>
/// The Microsoft Graph calls of the bot, on the Graph SDK (v6): users, group members, users by department, and the
/// proactive installation of the Teams app for a user. Lists follow <c>@odata.nextLink</c> to the end. Errors become
/// <see cref="GraphCallException"/> with the status and any Retry-After; the SDK does not retry on its own, so a
/// throttled call ends at once and the caller decides when to come back.
/// </summary>
internal sealed class EntraClient(GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider time)
{
    private static readonly string[] UserFields = ["id", "displayName", "userPrincipalName", "mail"];

    public Task<IReadOnlyList<EntraUser>> ListGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) =>
        // The OData cast to user leaves out devices, contacts and nested groups; ConsistencyLevel + $count as the docs ask for casts.
        AllUsersAsync(
            () => graph.Groups[groupId].Members.GraphUser.GetAsync(
                r =>
                {
                    r.QueryParameters.Select = UserFields;
                    r.QueryParameters.Count = true;
                    r.Headers.Add("ConsistencyLevel", "eventual");
                },
                cancellationToken),
            next => graph.Groups[groupId].Members.GraphUser.WithUrl(next).GetAsync(r => r.Headers.Add("ConsistencyLevel", "eventual"), cancellationToken));

    public Task<IReadOnlyList<EntraUser>> ListUsersByDepartmentAsync(string department, CancellationToken cancellationToken = default)
    {
        var filter = $"department eq '{department.Replace("'", "''", StringComparison.Ordinal)}'";
        return AllUsersAsync(
            () => graph.Users.GetAsync(
                r =>
                {
                    r.QueryParameters.Filter = filter;
                    r.QueryParameters.Select = UserFields;
                    r.QueryParameters.Count = true;
                    r.Headers.Add("ConsistencyLevel", "eventual");
                },
                cancellationToken),
            next => graph.Users.WithUrl(next).GetAsync(r => r.Headers.Add("ConsistencyLevel", "eventual"), cancellationToken));
    }

    /// <summary>A user by object id or user principal name (email); null when there is none.</summary>
    public async Task<EntraUser?> FindUserAsync(string idOrUpn, CancellationToken cancellationToken = default)
    {
        try
        {
            var user = await CallAsync(() => graph.Users[idOrUpn].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken)).ConfigureAwait(false);
            return user?.Id is null ? null : new EntraUser(user.Id, user.DisplayName, user.UserPrincipalName, user.Mail);
        }
        catch (GraphCallException e) when (e.Failure == GraphFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>Installs the Teams app (its id in the organisation's catalog) for a user; false when it already was (409).</summary>
    public async Task<bool> InstallAppAsync(string userId, string catalogAppId, CancellationToken cancellationToken = default)
    {
        var body = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.ToString().TrimEnd('/')}/appCatalogs/teamsApps/{catalogAppId}",
            },
        };
        try
        {
            await CallAsync(() => graph.Users[userId].Teamwork.InstalledApps.PostAsync(body, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (GraphCallException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The id of the app's installation for the user (not the app's id), or null when it is not installed.</summary>
    public async Task<string?> FindInstallationAsync(string userId, string catalogAppId, CancellationToken cancellationToken = default)
    {
        var page = await CallAsync(() => graph.Users[userId].Teamwork.InstalledApps.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"teamsApp/id eq '{catalogAppId.Replace("'", "''", StringComparison.Ordinal)}'";
            r.QueryParameters.Expand = ["teamsApp"];
        }, cancellationToken)).ConfigureAwait(false);
        return page?.Value?.FirstOrDefault(i => i.TeamsApp?.Id is null || string.Equals(i.TeamsApp.Id, catalogAppId, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    /// <summary>The 1:1 chat between the user and the app; null while Teams has not created it yet (404).</summary>
    public async Task<string?> GetChatIdAsync(string userId, string installationId, CancellationToken cancellationToken = default)
    {
        try
        {
            var chat = await CallAsync(() => graph.Users[userId].Teamwork.InstalledApps[installationId].Chat.GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            return chat?.Id;
        }
        catch (GraphCallException e) when (e.Failure == GraphFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every user of a list, following <c>@odata.nextLink</c> to the last page.</summary>
    private async Task<IReadOnlyList<EntraUser>> AllUsersAsync(Func<Task<UserCollectionResponse?>> first, Func<string, Task<UserCollectionResponse?>> next)
    {
        var page = await CallAsync(first).ConfigureAwait(false);
        var users = new List<EntraUser>();
        while (page is not null)
        {
            users.AddRange(Users(page.Value));
            if (string.IsNullOrEmpty(page.OdataNextLink))
            {
                break;
            }

            var link = page.OdataNextLink;
            page = await CallAsync(() => next(link)).ConfigureAwait(false);
        }

        return users;
    }

    private static IEnumerable<EntraUser> Users(List<User>? users) =>
        (users ?? []).Where(u => !string.IsNullOrEmpty(u.Id)).Select(u => new EntraUser(u.Id!, u.DisplayName, u.UserPrincipalName, u.Mail));

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            var code = (e as ODataError)?.Error?.Code;
            var retryAfter = RetryAfter(e.ResponseHeaders);
            var failure = e.ResponseStatusCode switch
            {
                403 or 401 => GraphFailure.Forbidden,
                404 => GraphFailure.NotFound,
                429 => GraphFailure.Throttled,
                503 or 504 when retryAfter is not null => GraphFailure.Throttled,
                _ => GraphFailure.Other,
            };
            throw new GraphCallException(failure, e.ResponseStatusCode, code, retryAfter, e);
        }
    }

    private TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        // Seconds (Graph sends fractions such as "2.128") or an HTTP date.
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - time.GetUtcNow()).Ticks))
            : null;
    }
}
