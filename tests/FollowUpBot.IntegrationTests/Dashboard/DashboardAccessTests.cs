using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Summaries;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FollowUpBot.IntegrationTests.Dashboard;

/// <summary>Who may see the dashboard and download the ledger: organisers with a Teams SSO token, or anyone holding a link the bot signed.</summary>
public sealed class DashboardAccessTests
{
    private const string AppId = "5f2a8c1e-0000-4000-8000-00000000b07a";
    private const string TenantId = "7d3f0b6c-0000-4000-8000-0000000000aa";
    private const string Title = "2026年第四季度重点工作推进会";

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/meetings/m-q4")]
    [InlineData("/dashboard/meetings/m-q4/items/i3")]
    [InlineData("/export/m-q4.xlsx")]
    public async Task ARequestWithoutCredentialsIsRefusedWithoutData(string path)
    {
        using var app = await SeededAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(Title, body, StringComparison.Ordinal);
        Assert.DoesNotContain("市自然资源和规划局", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard?exp=4102444800&sig=bm90LWEtc2lnbmF0dXJl")]
    [InlineData("/export/m-q4.xlsx?exp=4102444800&sig=bm90LWEtc2lnbmF0dXJl")]
    public async Task AForgedLinkIsForbiddenWithoutData(string path)
    {
        using var app = await SeededAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardsSignOnSchemeIsNeverTheDefaultSoBotRequestsAreNotRunThroughIt()
    {
        using var app = await SeededAsync();
        var schemes = app.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();

        // The only scheme would be the default one (ASP.NET Core 7+): every Bot Framework request's connector token would
        // then be validated against the dashboard's SSO settings by the authentication middleware, fail, and cost CPU.
        Assert.NotNull(await schemes.GetSchemeAsync(FollowUpBot.Dashboard.DashboardFeature.SsoScheme));
        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
        Assert.Null(await schemes.GetDefaultChallengeSchemeAsync());
    }

    [Fact]
    public async Task AnExportLinkForOneMeetingOpensNeitherAnotherMeetingNorTheDashboard()
    {
        using var app = await SeededAsync();
        using var client = app.CreateClient();
        var link = (await app.Services.GetRequiredService<SummaryLinks>().ExportAsync(SummaryFixture.MeetingId, Localization.UiLocale.ZhCN))!;

        using var other = await client.GetAsync(new Uri("/export/m-other.xlsx" + link.Url.Query, UriKind.Relative));
        using var dashboard = await client.GetAsync(new Uri("/dashboard" + link.Url.Query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
    }

    [Fact]
    public async Task TheSignedExportLinkTheBotGivesDownloadsTheLedger()
    {
        using var app = await SeededAsync();
        using var client = app.CreateClient();
        var link = (await app.Services.GetRequiredService<SummaryLinks>().ExportAsync(SummaryFixture.MeetingId, Localization.UiLocale.ZhCN))!;

        using var response = await client.GetAsync(new Uri(link.Url.PathAndQuery, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LedgerExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Contains(workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText, s => s == '督');
        Assert.Contains("市自然资源和规划局", workbook.WorkbookPart.WorksheetParts.Single().Worksheet.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignedDashboardLinkShowsTheMeetingAndKeepsItsSignatureInEveryLink()
    {
        using var app = await SeededAsync();
        using var client = app.CreateClient();
        var link = (await app.Services.GetRequiredService<SummaryLinks>().DashboardAsync(Localization.UiLocale.ZhCN, SummaryFixture.MeetingId))!;

        using var response = await client.GetAsync(new Uri(link.Url.PathAndQuery, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Title, body, StringComparison.Ordinal);
        Assert.Contains("/dashboard/meetings/m-q4/items/i3?exp=", body, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATeamsTokenOfAnOrganiserOpensTheDashboardAndANonOrganisersIsForbidden()
    {
        await using var openId = await OpenIdTestServer.StartAsync();
        using var app = await SeededAsync(openId);
        using var client = app.CreateClient();

        using var organiser = await GetWithTokenAsync(client, Token(openId, SummaryFixture.OrganiserAadId));
        using var contact = await GetWithTokenAsync(client, Token(openId, "aad-zr"));
        using var v2Audience = await GetWithTokenAsync(client, Token(openId, SummaryFixture.OrganiserAadId, audience: AppId));

        Assert.Equal(HttpStatusCode.OK, organiser.StatusCode);
        Assert.Contains(Title, await organiser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, v2Audience.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, contact.StatusCode);
        Assert.DoesNotContain(Title, await contact.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stranger-key")]
    [InlineData("other-audience")]
    [InlineData("other-tenant")]
    [InlineData("expired")]
    public async Task ATeamsTokenThatIsNotForThisAppIsRefused(string defect)
    {
        await using var openId = await OpenIdTestServer.StartAsync();
        using var app = await SeededAsync(openId);
        using var client = app.CreateClient();
        var token = defect switch
        {
            "stranger-key" => Token(openId, SummaryFixture.OrganiserAadId, key: openId.StrangerKey),
            "other-audience" => Token(openId, SummaryFixture.OrganiserAadId, audience: "api://elsewhere.example/botid-" + AppId),
            "other-tenant" => Token(openId, SummaryFixture.OrganiserAadId, issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000bad/v2.0"),
            _ => Token(openId, SummaryFixture.OrganiserAadId, expires: DateTime.UtcNow.AddMinutes(-10)),
        };

        using var response = await GetWithTokenAsync(client, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<BotApplication> SeededAsync(OpenIdTestServer? openId = null) => (await SeedAsync(openId, onSocket: false)).App;

    /// <summary>
    /// The seeded app on a real loopback socket as of the fixture's day (its clock is a fake one, so the
    /// lights are those of that day), and its base address. Disposing the owner stops both.
    /// </summary>
    internal static async Task<(BotApplication App, Uri BaseAddress)> SeededOnSocketAsync()
    {
        var today = SummaryFixture.Progress().Today;
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        var app = new BotApplication(Settings(null), services: s => s.AddSingleton<TimeProvider>(clock));
        var address = new Uri(app.StartOnSocket(), "/");
        await SummaryFixture.StoreAsync(app.Services.GetRequiredService<MeetingLedger>());
        return (app, address);
    }

    private static async Task<(BotApplication App, Uri? BaseAddress)> SeedAsync(OpenIdTestServer? openId, bool onSocket)
    {
        var app = new BotApplication(Settings(openId));
        Uri? address = null;
        if (onSocket)
        {
            address = new Uri(app.StartOnSocket(), "/");
        }
        else
        {
            app.CreateClient().Dispose();
        }

        await SummaryFixture.StoreAsync(app.Services.GetRequiredService<MeetingLedger>());
        return (app, address);
    }

    private static Dictionary<string, string?> Settings(OpenIdTestServer? openId)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FollowUp:PublicBaseUrl"] = "https://bot.example.test",
            ["FollowUp:Organisers:0"] = SummaryFixture.OrganiserAadId,
        };
        if (openId is not null)
        {
            settings["Bot:AppId"] = AppId;
            settings["Bot:TenantId"] = TenantId;
            settings["Bot:ClientSecret"] = "test-only-secret";
            settings["Summaries:SsoMetadataUrl"] = openId.MetadataUrl.AbsoluteUri;
        }

        return settings;
    }

    private static async Task<HttpResponseMessage> GetWithTokenAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/meetings/m-q4");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Dashboard-Fragment", "1");
        return await client.SendAsync(request);
    }

    /// <summary>A token as Teams SSO gives the tab: for the manifest's webApplicationInfo resource, from the tenant's Entra v2 issuer.</summary>
    private static string Token(OpenIdTestServer openId, string objectId, string? audience = null, string? issuer = null, RSA? key = null, DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? $"https://login.microsoftonline.com/{TenantId}/v2.0",
            Audience = audience ?? $"api://bot.example.test/botid-{AppId}",
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["oid"] = objectId, ["tid"] = TenantId, ["scp"] = "access_as_user" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? openId.TeamsKey) { KeyId = OpenIdTestServer.EndorsedKeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
