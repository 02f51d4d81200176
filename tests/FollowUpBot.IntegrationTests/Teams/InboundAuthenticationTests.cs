using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.Testing;
using Microsoft.IdentityModel.Tokens;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>
/// PROTOCOL.md §1 against keys and metadata served by the test itself: each check of a Bot Connector
/// token is one test that a wrong token fails with the right status.
/// </summary>
public sealed class InboundAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "7f4b2a40-6a55-4b9b-9d0e-1f2e3d4c5b6a";
    private const string TenantId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/11111111-2222-3333-4444-555555555555/";
    private OpenIdTestServer _keys = null!;

    public async Task InitializeAsync() => _keys = await OpenIdTestServer.StartAsync();

    public async Task DisposeAsync() => await _keys.DisposeAsync();

    [Fact]
    public async Task AValidBotConnectorTokenIsAccepted()
    {
        var status = await PostAsync(_keys.CreateToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ARequestWithoutATokenIsRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token: null));
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIsRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_keys.CreateToken("00000000-0000-0000-0000-000000000001", ServiceUrl)));
    }

    [Fact]
    public async Task ATokenFromAnUnknownIssuerIsRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_keys.CreateToken(AppId, ServiceUrl, issuer: "https://evil.example.com")));
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var token = _keys.CreateToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task ATokenWithinTheFiveMinuteClockSkewIsAccepted()
    {
        var token = _keys.CreateToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-3));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));
    }

    [Fact]
    public async Task ATokenSignedWithAnUnpublishedKeyIsRefused()
    {
        var token = _keys.CreateToken(AppId, ServiceUrl, key: _keys.StrangerKey);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task ATokenWithADisallowedAlgorithmIsRefused()
    {
        // PS256 is a valid RSA signature, but not one of the RS256/384/512 the Bot Framework allows.
        var token = _keys.CreateToken(AppId, ServiceUrl, algorithm: SecurityAlgorithms.RsaSsaPssSha256);

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task ATokenWithoutTheServiceUrlClaimIsRefused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(_keys.CreateToken(AppId, serviceUrl: null)));
    }

    [Fact]
    public async Task ATokenForAnotherServiceUrlIsRefused()
    {
        var token = _keys.CreateToken(AppId, "https://smba.trafficmanager.net/emea/");

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task AKeyNotEndorsedForTheActivitysChannelIsForbidden()
    {
        var token = _keys.CreateToken(AppId, ServiceUrl, key: _keys.WebChatKey, keyId: OpenIdTestServer.OtherChannelKeyId);

        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(token));
    }

    [Fact]
    public async Task UnreachableSigningMetadataRefusesWith401NotAServerError()
    {
        var settings = Settings();
        settings["Bot:OpenIdMetadataUrl"] = $"http://127.0.0.1:{FreePort.Next()}/v1/.well-known/openidconfiguration";

        var status = await PostAsync(_keys.CreateToken(AppId, ServiceUrl), settings);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task AMalformedBodyWithAValidTokenIsABadRequest()
    {
        using var app = new BotApplication(Settings(), environment: "Production");
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent("{\"type\": 42, ", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _keys.CreateToken(AppId, ServiceUrl));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(" at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentWithAnonymousAllowedATokenThatIsSentIsStillValidated()
    {
        var settings = Settings();
        settings["Bot:AllowAnonymous"] = "true";

        var status = await PostAsync(_keys.CreateToken(AppId, ServiceUrl, issuer: "https://evil.example.com"), settings, environment: "Development");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task AllowingAnonymousOutsideDevelopmentStopsTheAppFromStarting()
    {
        var error = await StartupCheck.RefusedAsync("Production", [.. Settings().Select(s => (s.Key, s.Value)), ("Bot:AllowAnonymous", "true")]);

        Assert.Contains("AllowAnonymous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAppIdWithoutAnonymousModeStopsTheAppFromStarting()
    {
        var error = await StartupCheck.RefusedAsync("Development", ("Bot:AllowAnonymous", "false"));

        Assert.Contains("Bot:AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRealAppRefusesAnonymousModeOutsideDevelopment()
    {
        // The same rule through Program itself: the factory's host does not come up.
        using var app = new BotApplication(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }, environment: "Production");

        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Bot:AppId"] = AppId,
        ["Bot:TenantId"] = TenantId,
        ["Bot:ClientSecret"] = "not-used-by-these-tests",
        ["Bot:OpenIdMetadataUrl"] = _keys.MetadataUrl.ToString(),
    };

    private async Task<HttpStatusCode> PostAsync(string? token, Dictionary<string, string?>? settings = null, string environment = "Production")
    {
        using var app = new BotApplication(settings ?? Settings(), environment);
        using var client = app.CreateClient();
        // A reaction needs no answer, so the outcome is the authentication alone.
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.Fixture("activities/messageReaction-reactionsAdded.docs.json")))!.AsObject();
        activity["serviceUrl"] = ServiceUrl;
        activity["channelId"] = "msteams";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
