using System.Text.Json.Nodes;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using FollowUpBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>The outbound client against a scripted connector on loopback: what is retried, what is not, and where the token goes.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task AThrottledSendWaitsForRetryAfterThenSucceeds()
    {
        _connector.Script(new ScriptedAnswer(429, "{\"error\":{\"code\":\"Throttled\",\"message\":\"slow down\"}}", RetryAfterSeconds: 1), new ScriptedAnswer(201, "{\"id\":\"m-1\"}"));
        using var host = BuildHost();

        var sent = await Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello"));

        Assert.Equal("m-1", sent.Id);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), "the retry came before Retry-After");
    }

    [Fact]
    public async Task ServiceUnavailableIsRetriedWithBackoffUntilItSucceeds()
    {
        _connector.Script(new ScriptedAnswer(503, string.Empty), new ScriptedAnswer(503, string.Empty), new ScriptedAnswer(200, "{\"id\":\"m-2\"}"));
        using var host = BuildHost();

        var sent = await Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello"));

        Assert.Equal("m-2", sent.Id);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task ATransientFaultThatOutlastsTheRetriesSurfacesAsTransient()
    {
        _connector.Script(new ScriptedAnswer(504, string.Empty));
        using var host = BuildHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello")));

        Assert.True(error.IsTransient);
        Assert.Equal(1 + 3, _connector.Requests.Count);
    }

    [Fact]
    public async Task AUserWhoBlockedTheBotIsNotRetriedAndIsReportedAsBlocked()
    {
        _connector.Script(new ScriptedAnswer(403, "{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"User blocked the conversation with the bot.\"}}"));
        using var host = BuildHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello")));

        Assert.Equal(ConnectorErrorKind.BlockedByUser, error.Kind);
        Assert.True(error.IsPermanentForRecipient);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task MessageWritesBlockedFromTeamsIsReadAsBlocked()
    {
        var body = await File.ReadAllTextAsync(RepoPaths.Fixture("rest/response-403-MessageWritesBlocked.docs.json"));
        _connector.Script(new ScriptedAnswer(403, body));
        using var host = BuildHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello")));

        Assert.Equal(ConnectorErrorKind.BlockedByUser, error.Kind);
        Assert.Equal("MessageWritesBlocked", error.Code);
    }

    [Fact]
    public async Task ABadRequestIsNotRetried()
    {
        _connector.Script(new ScriptedAnswer(400, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"bad\"}}"));
        using var host = BuildHost();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello")));

        Assert.Equal(ConnectorErrorKind.BadRequest, error.Kind);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task TheTokenGoesToAnAllowedHost()
    {
        using var host = BuildHost();

        await Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello"));

        Assert.Equal("Bearer test-token", Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task NothingIsSentToAServiceUrlOffTheAllowList()
    {
        // Outside Development loopback is not on the list, so the stand-in connector counts as a foreign host.
        using var host = BuildHost(environment: "Production");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client(host).SendAsync(_connector.ServiceUrl, "a:chat", Message("hello")));

        Assert.Equal(ConnectorErrorKind.ServiceUrlNotAllowed, error.Kind);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/tenant/", true)]
    [InlineData("https://europe.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams", true)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://smba.trafficmanager.net.evil.com/", false)]
    [InlineData("https://evilbotframework.com/", false)]
    [InlineData("https://example.com/", false)]
    public void OnlyHttpsHostsOnTheDefaultListMayReceiveTheToken(string serviceUrl, bool allowed)
    {
        Assert.Equal(allowed, ConnectorClient.IsAllowedHost(new Uri(serviceUrl), BotOptions.DefaultServiceUrlHosts));
    }

    [Fact]
    public async Task CreatingAPersonalConversationSendsTheMemberAndTenant()
    {
        var response = await File.ReadAllTextAsync(RepoPaths.Fixture("rest/response-create-conversation.docs.json"));
        _connector.Script(new ScriptedAnswer(201, response));
        using var host = BuildHost();

        var created = await Client(host).CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            ChannelData = new TeamsChannelData { Tenant = new IdName { Id = "tenant-1" } },
        });

        Assert.StartsWith("a:1qhNLq", created.Id, StringComparison.Ordinal);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/connector/v3/conversations", request.Path);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("29:user", body["members"]![0]!["id"]!.ToString());
        Assert.Equal("tenant-1", body["channelData"]!["tenant"]!["id"]!.ToString());
    }

    [Fact]
    public async Task PagedMembersAreReadWithTheirEntraObjectIds()
    {
        _connector.Script(new ScriptedAnswer(200, await File.ReadAllTextAsync(RepoPaths.Fixture("rest/response-get-paged-members.docs.json"))));
        using var host = BuildHost();

        var page = await Client(host).GetPagedMembersAsync(_connector.ServiceUrl, "19:team@thread.tacv2", pageSize: 10);

        Assert.Equal("asdfqwerueiqpiewr", page.ContinuationToken);
        Assert.Equal(3, page.Members!.Count);
        Assert.Equal("76b0b09f-d410-48fd-993e-84da521a597b", page.Members[1].EntraObjectId);
        Assert.Contains("pageSize=50", Assert.Single(_connector.Requests).Path, StringComparison.Ordinal);
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static ConnectorClient Client(IHost host) => host.Services.GetRequiredService<ConnectorClient>();

    private static IHost BuildHost(string environment = "Development")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "7f4b2a40-6a55-4b9b-9d0e-1f2e3d4c5b6a",
            ["Bot:TenantId"] = "tenant-1",
            ["Bot:ClientSecret"] = "unused: the token comes from the fake provider",
            ["Bot:MaxRetries"] = "3",
            ["Bot:RetryBaseDelay"] = "00:00:00.050",
            ["Storage:LocalPath"] = Path.Combine(Path.GetTempPath(), "followup-connector-tests"),
        });
        builder.AddLedgerStorage();
        builder.AddTeamsProtocol();
        builder.Services.AddSingleton<IBotTokenProvider>(new FixedToken("test-token"));
        return builder.Build();
    }

    private sealed class FixedToken(string token) : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(token);
    }
}
