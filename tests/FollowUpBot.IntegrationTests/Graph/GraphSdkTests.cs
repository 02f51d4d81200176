using FollowUpBot.Departments;
using FollowUpBot.Graph;
using FollowUpBot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Graph;

/// <summary>
/// The bot's Graph calls through the real Microsoft Graph SDK (v6), pointed with <c>Graph:BaseUrl</c> at a loopback
/// stand-in serving Microsoft's documented payloads: paging, 409, 403, 404 and 429 with Retry-After.
/// </summary>
public sealed class GraphSdkTests : IAsyncLifetime, IDisposable
{
    private GraphStandIn _graph = null!;
    private BotApplication _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphStandIn.StartAsync();
        _bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["FollowUp:TeamsAppCatalogId"] = _graph.CatalogId,
            ["FollowUp:DirectoryPath"] = string.Empty,
        });
        for (var n = 1; n <= 5; n++)
        {
            _graph.Users[$"aad-{n}"] = ($"用户{n}", $"user{n}@contoso.com", n <= 2 ? "Finance" : "Planning");
        }
    }

    public Task DisposeAsync() => _graph.DisposeAsync().AsTask();

    public void Dispose() => _bot.Dispose();

    private T Get<T>()
        where T : notnull => _bot.Services.GetRequiredService<T>();

    [Fact]
    public async Task GroupMembersAreReadPageByPageWithOnlyTheNeededFieldsAndNoTokenOnLoopback()
    {
        _graph.PageSize = 2;
        _graph.Groups["group-1"] = ["aad-1", "aad-2", "aad-3", "aad-4", "aad-5"];

        var members = await Get<EntraClient>().ListGroupMembersAsync("group-1");

        Assert.Equal(["aad-1", "aad-2", "aad-3", "aad-4", "aad-5"], members.Select(m => m.Id));
        Assert.Equal("user3@contoso.com", members[2].UserPrincipalName);
        var requests = _graph.RequestsTo("/groups/group-1/members/").ToList();
        Assert.Equal(3, requests.Count);
        Assert.Contains("$select=id,displayName,userPrincipalName,mail", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=2", requests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=4", requests[2].PathAndQuery, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Equal("eventual", r.ConsistencyLevel));
        // Development without credentials: the loopback stand-in is called without a token.
        Assert.All(requests, r => Assert.Equal(string.Empty, r.Authorization));
    }

    [Fact]
    public async Task UsersOfADepartmentAttributeAreFilteredAndPaged()
    {
        _graph.PageSize = 1;

        var users = await Get<EntraClient>().ListUsersByDepartmentAsync("Finance");

        Assert.Equal(["aad-1", "aad-2"], users.Select(u => u.Id).Order());
        Assert.All(_graph.RequestsTo("/users"), r => Assert.Contains("department eq 'Finance'", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InstallingTwiceIsAConflictThatStillFindsTheChat()
    {
        _graph.Chats["aad-1"] = "19:chat-with-user-1@unq.gbl.spaces";
        var installer = Get<IPersonalChatProvisioner>();

        var first = await installer.ProvisionAsync("tenant", "aad-1");
        var second = await installer.ProvisionAsync("tenant", "aad-1");

        Assert.Equal("19:chat-with-user-1@unq.gbl.spaces", first);
        Assert.Equal(first, second);
        var posts = _graph.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Contains($"\"teamsApp@odata.bind\":\"{_graph.BaseUrl}/appCatalogs/teamsApps/{_graph.CatalogId}\"", p.Body, StringComparison.Ordinal));
        Assert.Contains(_graph.RequestsTo("/teamwork/installedApps?"), r => r.PathAndQuery.Contains($"teamsApp/id eq '{_graph.CatalogId}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChatTeamsHasNotOpenedYetIsNull()
    {
        Assert.Null(await Get<IPersonalChatProvisioner>().ProvisionAsync("tenant", "aad-2"));
        Assert.True(_graph.Installed.ContainsKey("aad-2"));
    }

    [Theory]
    [InlineData(403, "Forbidden", nameof(UnreachableReason.InstallForbidden))]
    [InlineData(404, "NotFound", nameof(UnreachableReason.UserNotFound))]
    [InlineData(429, "TooManyRequests", nameof(UnreachableReason.Throttled))]
    public async Task RefusedInstallationsSayWhy(int status, string code, string reason)
    {
        var expected = Enum.Parse<UnreachableReason>(reason);
        _graph.Fail("install", new GraphFault(status, code, "7"));

        var refused = await Assert.ThrowsAsync<RecipientUnreachableException>(() => Get<IPersonalChatProvisioner>().ProvisionAsync("tenant", "aad-3"));

        Assert.Equal(expected, refused.Reason);
        if (status == 429)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), refused.RetryAfter);
        }
    }

    [Fact]
    public async Task DocumentedFractionalRetryAfterIsRead()
    {
        _graph.Fail("user", new GraphFault(429, "TooManyRequests"));

        var throttled = await Assert.ThrowsAsync<GraphCallException>(() => Get<EntraClient>().FindUserAsync("user1@contoso.com"));

        Assert.Equal(GraphFailure.Throttled, throttled.Failure);
        Assert.Equal(TimeSpan.FromSeconds(2.128), throttled.RetryAfter);
        Assert.Equal("TooManyRequests", throttled.Code);
    }

    [Fact]
    public async Task UsersAreFoundByUpnAndUnknownOnesAreNull()
    {
        var entra = Get<EntraClient>();

        var found = await entra.FindUserAsync("USER4@contoso.com");

        Assert.Equal("aad-4", found!.Id);
        Assert.Equal("用户4", found.DisplayName);
        Assert.Null(await entra.FindUserAsync("nobody@contoso.com"));
    }

    [Fact]
    public async Task SyncKeepsAliasesAndHandAddedContactsAndDropsRemovedMembers()
    {
        var directory = Get<DirectoryStore>();
        await directory.SeedAsync(new DepartmentDirectory(
        [
            new Department("财政局", ["市财政局"], [new Contact("aad-file", "名录里的人")], null) { GroupId = "group-fin" },
            new Department("规划局", [], [], null) { DepartmentAttribute = "Planning" },
        ]));
        await directory.AddAliasAsync("财政局", "财政部门");
        await directory.AddContactAsync("财政局", new Contact("aad-chat", "聊天里加的") { Source = ContactSources.Chat });
        _graph.PageSize = 2;
        _graph.Groups["group-fin"] = ["aad-1", "aad-2", "aad-3"];
        var sync = Get<DirectorySynchronizer>();

        await sync.SyncOnceAsync();
        var finance = (await directory.GetAsync()).Departments.Single(d => d.Name == "财政局");
        Assert.Equal(["aad-file", "aad-chat", "aad-1", "aad-2", "aad-3"], finance.Contacts.Select(c => c.AadObjectId));
        Assert.Equal(["市财政局", "财政部门"], finance.Aliases);
        Assert.Equal(ContactSources.Group, finance.Contacts[2].Source);
        Assert.Equal(["aad-3", "aad-4", "aad-5"], (await directory.GetAsync()).Departments.Single(d => d.Name == "规划局").Contacts.Select(c => c.AadObjectId));

        // aad-2 leaves the group: gone at the next sync. A throttled listing changes nothing.
        _graph.Groups["group-fin"] = ["aad-1", "aad-3"];
        _graph.Fail("members", new GraphFault(429, "TooManyRequests", "5"));
        var throttled = await sync.SyncOnceAsync();
        Assert.Equal(TimeSpan.FromSeconds(5), throttled.Failed["财政局"].RetryAfter);
        Assert.Contains("aad-2", (await directory.GetAsync()).Departments.Single(d => d.Name == "财政局").Contacts.Select(c => c.AadObjectId));

        await sync.SyncOnceAsync();
        finance = (await directory.GetAsync()).Departments.Single(d => d.Name == "财政局");
        Assert.Equal(["aad-file", "aad-chat", "aad-1", "aad-3"], finance.Contacts.Select(c => c.AadObjectId));

        // A restart seeds from the file again: synced and hand-added contacts and the linked group stay.
        await directory.SeedAsync(new DepartmentDirectory([new Department("财政局", ["市财政局"], [new Contact("aad-file", "名录里的人")], null), new Department("规划局", [], [], null)]));
        finance = (await directory.GetAsync()).Departments.Single(d => d.Name == "财政局");
        Assert.Equal("group-fin", finance.GroupId);
        Assert.Equal(["aad-file", "aad-chat", "aad-1", "aad-3"], finance.Contacts.Select(c => c.AadObjectId));
    }

    [Fact]
    public async Task AThrottledSyncComesBackAfterRetryAfterNotAfterTheInterval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["FollowUp:DirectoryPath"] = string.Empty,
        }, services: s => s.AddSingleton<TimeProvider>(clock));
        // The directory is in storage before the app starts, so the pass at start reads the group, and is throttled.
        await new DirectoryStore(new FollowUpBot.Storage.LocalBlobStore(bot.DataPath), TimeProvider.System)
            .SeedAsync(new DepartmentDirectory([new Department("财政局", [], [], null) { GroupId = "group-fin" }]));
        _graph.Groups["group-fin"] = ["aad-1"];
        _graph.Fail("members", new GraphFault(429, "TooManyRequests", "120"));
        int Listings() => _graph.RequestsTo("/groups/group-fin/").Count();

        var directory = bot.Services.GetRequiredService<DirectoryStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Listings() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The sync at start did not run.");
            await Task.Delay(50);
        }

        // The bot's clock moves on in 10 s steps until the members are in: Graph said 120 s, so after that and
        // well before the hour of FollowUp:Directory:SyncInterval.
        var elapsed = TimeSpan.Zero;
        while ((await directory.GetAsync()).Departments.Single().Contacts.Count == 0)
        {
            Assert.True(elapsed < TimeSpan.FromMinutes(10), $"No sync within {elapsed} after the throttled one.");
            clock.Advance(TimeSpan.FromSeconds(10));
            elapsed += TimeSpan.FromSeconds(10);
            await Task.Delay(100);
        }

        Assert.InRange(elapsed, TimeSpan.FromSeconds(120), TimeSpan.FromMinutes(10));
        Assert.Equal(2, Listings());
    }

    [Fact]
    public async Task TheTokenGoesOnlyToAllowListedHostsOverHttps()
    {
        var options = Options.Create(new GraphOptions());
        foreach (var host in GraphOptions.DefaultHosts)
        {
            options.Value.AllowedHosts.Add(host);
        }

        var provider = new GraphAccessTokenProvider(new FixedToken("secret-token"), options);

        Assert.Equal("secret-token", await provider.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com/v1.0/users")));
        Assert.Equal(string.Empty, await provider.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com.evil.example/v1.0/users")));
        Assert.Equal(string.Empty, await provider.GetAuthorizationTokenAsync(new Uri("http://graph.microsoft.com/v1.0/users")));
        Assert.Equal(string.Empty, await provider.GetAuthorizationTokenAsync(new Uri("http://127.0.0.1:5000/v1.0/users")));
    }

    private sealed class FixedToken(string token) : IGraphTokenSource
    {
        public Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken = default) => Task.FromResult<string?>(token);
    }
}
