using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Hardening;

/// <summary>The bot as <c>dotnet run</c> starts it: no public address configured, and the pages the manifest links to.</summary>
public sealed partial class LocalUseTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task InDevelopmentWithoutAPublicAddressTheExportLinkUsesTheAddressTheBotListensOnAndWorks()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        var endpoint = app.StartOnSocket();
        var folder = Directory.CreateDirectory(Path.Combine(app.DataPath, "blobs", "meetings", "m-q4")).FullName;
        File.Copy(RepoPaths.Fixture("summaries/meeting.json"), Path.Combine(folder, "meeting.json"));
        await VisibleFailuresTests.IndexStoredMeetingsAsync(app, "m-q4");
        using var http = new HttpClient();

        using var answer = await http.PostAsync(endpoint, new StringContent(ExportRequest().ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var reply = JsonNode.Parse(_connector.Requests.Last(r => r.Method == "POST").Body)!["text"]!.ToString();
        var link = ExportLink().Match(reply);
        Assert.True(link.Success, reply);
        var url = new Uri(link.Value);
        Assert.True(url.IsLoopback, link.Value);
        Assert.Equal(endpoint.Port, url.Port);
        Assert.Equal("/export/m-q4.xlsx", url.AbsolutePath);
        using var download = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("PK", Encoding.ASCII.GetString((await download.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Theory]
    [InlineData("privacyUrl", "zh-CN", "Azure 存储账户")]
    [InlineData("privacyUrl", "en-US", "Azure Storage account")]
    [InlineData("termsOfUseUrl", "zh-CN", "使用条款")]
    [InlineData("termsOfUseUrl", "en-US", "terms of use")]
    public async Task ThePagesTheManifestLinksToAreServedInBothLanguages(string manifestField, string language, string expected)
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "manifest", "manifest.json")))!;
        var path = new Uri(manifest["developer"]![manifestField]!.ToString()).AbsolutePath;
        using var app = new BotApplication();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
    }

    private JsonObject ExportRequest() => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["serviceUrl"] = _connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "29:organiser", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000020" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = "a:organiser", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["text"] = "export 第四季度",
    };

    [GeneratedRegex(@"https?://[^\s\)]+\.xlsx\?[^\s\)]+")]
    private static partial Regex ExportLink();
}
