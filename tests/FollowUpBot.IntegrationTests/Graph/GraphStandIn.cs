using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using FollowUpBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.IntegrationTests.Graph;

/// <summary>A request the stand-in received: method, path with query, Authorization and ConsistencyLevel headers, body.</summary>
internal sealed record GraphRequest(string Method, string PathAndQuery, string Authorization, string ConsistencyLevel, string Body);

/// <summary>A scripted failure: the status, the error code, and a Retry-After header value when throttling.</summary>
internal sealed record GraphFault(int Status, string Code, string? RetryAfter = null);

/// <summary>
/// Microsoft Graph on loopback for the tests, serving Microsoft's documented payloads (tests/fixtures/graph, see its
/// README) with the ids of a scenario: users, group members and users by department (paged with
/// <c>@odata.nextLink</c>), installing the Teams app for a user (201, or 409 when installed), the installation and its
/// chat. Faults (403, 404, 429 with Retry-After) are scripted per route; every request is recorded.
/// </summary>
internal sealed class GraphStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<GraphFault>> _faults = new(StringComparer.Ordinal);

    private GraphStandIn(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The value for <c>Graph:BaseUrl</c>: http://127.0.0.1:PORT/v1.0.</summary>
    public string BaseUrl { get; }

    public int PageSize { get; set; } = 100;

    public ConcurrentQueue<GraphRequest> Requests { get; } = new();

    /// <summary>Users by object id: display name, user principal name, department.</summary>
    public ConcurrentDictionary<string, (string Name, string Upn, string? Department)> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Group members (object ids) by group id.</summary>
    public ConcurrentDictionary<string, List<string>> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Users the app is installed for.</summary>
    public ConcurrentDictionary<string, bool> Installed { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Installing the app for these users fails this way until the entry is removed.</summary>
    public ConcurrentDictionary<string, GraphFault> InstallFaults { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The chat between a user and the app, once Teams has made it; a user without one gets 404.</summary>
    public ConcurrentDictionary<string, string> Chats { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<GraphStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        GraphStandIn? standIn = null;
        app.Run(http => standIn!.HandleAsync(http));
        await app.StartAsync();
        standIn = new GraphStandIn(app, app.Urls.First().TrimEnd('/') + "/v1.0");
        return standIn;
    }

    /// <summary>The next requests of a route ("install", "installations", "chat", "user", "members", "users") fail with these, in order.</summary>
    public void Fail(string route, params GraphFault[] faults)
    {
        var queue = _faults.GetOrAdd(route, _ => new ConcurrentQueue<GraphFault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }
    }

    public IEnumerable<GraphRequest> RequestsTo(string pathPart) => Requests.Where(r => r.PathAndQuery.Contains(pathPart, StringComparison.OrdinalIgnoreCase));

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = Uri.UnescapeDataString(http.Request.Path.Value ?? string.Empty);
        Requests.Enqueue(new GraphRequest(http.Request.Method, Uri.UnescapeDataString(http.Request.Path + http.Request.QueryString), http.Request.Headers.Authorization.ToString(),
            http.Request.Headers["ConsistencyLevel"].ToString(), body));
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (status, payload) = segments switch
        {
            ["v1.0", "users", var user, "teamwork", "installedApps"] when http.Request.Method == "POST" => Answer(http, "install", () => Install(user, body)),
            ["v1.0", "users", var user, "teamwork", "installedApps"] => Answer(http, "installations", () => Installations(user)),
            ["v1.0", "users", var user, "teamwork", "installedApps", _, "chat"] => Answer(http, "chat", () => Chat(user)),
            ["v1.0", "users", var user] => Answer(http, "user", () => User(user)),
            ["v1.0", "users"] => Answer(http, "users", () => Page(Users.Where(u => Filtered(http, u.Value.Department)).Select(u => u.Key).Order(StringComparer.Ordinal).ToList(), http, "user-list-filter.response.json")),
            // The SDK writes the documented cast microsoft.graph.user with the namespace alias Graph also accepts.
            ["v1.0", "groups", var group, "members", "microsoft.graph.user" or "graph.user"] => Answer(http, "members", () => Groups.TryGetValue(group, out var members)
                ? Page([.. members], http, "group-list-members-user-cast.response.json")
                : Error(404, "Request_ResourceNotFound")),
            _ => Error(400, "BadRequest"),
        };
        http.Response.StatusCode = status;
        if (status == 429 && !http.Response.Headers.ContainsKey("Retry-After"))
        {
            var user = segments.Length > 2 ? segments[2] : string.Empty;
            http.Response.Headers.RetryAfter = InstallFaults.TryGetValue(user, out var fault) ? fault.RetryAfter ?? "2.128" : "2.128";
        }

        if (payload is null)
        {
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(payload.ToJsonString());
    }

    private (int, JsonNode?) Answer(HttpContext http, string route, Func<(int, JsonNode?)> answer)
    {
        if (_faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var fault))
        {
            if (fault.Status == 429)
            {
                http.Response.Headers.RetryAfter = fault.RetryAfter ?? "2.128";
                return (429, Fixture("throttled.response.json"));
            }

            return Error(fault.Status, fault.Code);
        }

        return answer();
    }

    private (int, JsonNode?) Install(string user, string body)
    {
        if (InstallFaults.TryGetValue(user, out var fault))
        {
            return fault.Status == 429 ? (429, Fixture("throttled.response.json")) : Error(fault.Status, fault.Code);
        }

        if (!Users.ContainsKey(user))
        {
            return Error(404, "NotFound");
        }

        var bind = JsonNode.Parse(body)?["teamsApp@odata.bind"]?.ToString();
        if (bind is null || !bind.Contains("/appCatalogs/teamsApps/", StringComparison.Ordinal))
        {
            return Error(400, "BadRequest");
        }

        return Installed.TryAdd(user, true) ? (201, null) : Error(409, "Conflict");
    }

    private (int, JsonNode?) Installations(string user)
    {
        var list = Fixture("userteamwork-list-installedapps-filter.response.json");
        var values = list["value"]!.AsArray();
        if (!Installed.ContainsKey(user))
        {
            values.Clear();
            list["@odata.count"] = 0;
            return (200, list);
        }

        values[0]!["id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + "##" + CatalogId));
        values[0]!["teamsApp"]!["id"] = CatalogId;
        return (200, list);
    }

    private (int, JsonNode?) Chat(string user)
    {
        if (!Installed.ContainsKey(user) || !Chats.TryGetValue(user, out var chatId))
        {
            return Error(404, "NotFound");
        }

        var chat = Fixture("userscopeteamsappinstallation-get-chat.response.json");
        chat["id"] = chatId;
        return (200, chat);
    }

    private (int, JsonNode?) User(string idOrUpn)
    {
        var found = Users.FirstOrDefault(u => string.Equals(u.Key, idOrUpn, StringComparison.OrdinalIgnoreCase) || string.Equals(u.Value.Upn, idOrUpn, StringComparison.OrdinalIgnoreCase));
        if (found.Key is null)
        {
            return Error(404, "Request_ResourceNotFound");
        }

        var user = Fixture("user-get.response.json");
        user["id"] = found.Key;
        user["displayName"] = found.Value.Name;
        user["mail"] = found.Value.Upn;
        user["userPrincipalName"] = found.Value.Upn;
        return (200, user);
    }

    /// <summary>One page of users in the documented list shape; <c>$skiptoken</c> is the offset of the page.</summary>
    private (int, JsonNode?) Page(List<string> ids, HttpContext http, string fixture)
    {
        var skip = int.TryParse(http.Request.Query["$skiptoken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var list = Fixture(fixture);
        var template = list["value"]![0]!.DeepClone().AsObject();
        var values = new JsonArray();
        foreach (var id in ids.Skip(skip).Take(PageSize))
        {
            var user = template.DeepClone().AsObject();
            var known = Users.GetValueOrDefault(id);
            user["id"] = id;
            user["displayName"] = known.Name ?? id;
            user["userPrincipalName"] = known.Upn;
            user["mail"] = known.Upn;
            values.Add(user);
        }

        list["value"] = values;
        list["@odata.count"] = ids.Count;
        if (skip + PageSize < ids.Count)
        {
            // Like Graph's, the link carries the query (here the filter in the clear, Graph's in its skip token).
            var filter = http.Request.Query["$filter"].ToString();
            list["@odata.nextLink"] = $"{BaseUrl}{http.Request.Path.Value![5..]}?$skiptoken={(skip + PageSize).ToString(CultureInfo.InvariantCulture)}"
                + (filter.Length == 0 ? string.Empty : "&$filter=" + Uri.EscapeDataString(filter));
        }

        return (200, list);
    }

    private static bool Filtered(HttpContext http, string? department)
    {
        var filter = http.Request.Query["$filter"].ToString();
        const string prefix = "department eq '";
        return filter.StartsWith(prefix, StringComparison.Ordinal) && department is not null
            && string.Equals(filter[prefix.Length..^1].Replace("''", "'", StringComparison.Ordinal), department, StringComparison.Ordinal);
    }

    public string CatalogId { get; set; } = "0240a368-25e0-4569-8ebe-13601cb55a18";

    private static (int, JsonNode?) Error(int status, string code)
    {
        var error = Fixture("error.response.json");
        error["error"]!["code"] = code;
        error["error"]!["message"] = $"The stand-in answered {status.ToString(CultureInfo.InvariantCulture)} {code}.";
        return (status, error);
    }

    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture(Path.Combine("graph", name))))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
