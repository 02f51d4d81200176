using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.IntegrationTests.Meetings;

/// <summary>
/// An organiser attaches a meeting file in Teams: the activity carries a download URL, which the bot fetches
/// within the size limit. The file server and the connector are local stand-ins; the bot runs in-process.
/// </summary>
public sealed class FileImportTests : IAsyncLifetime
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private const string Minutes = "二、工作要求\n（一）由市发展改革委牵头，市财政局配合，于2026年12月31日前制定重点项目推进方案。\n（二）市教育局要在5个工作日内报送秋季学期安全检查情况。\n";
    private FakeConnector _connector = null!;
    private WebApplication _files = null!;
    private string _filesUrl = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _files = builder.Build();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _files.MapGet("/minutes-gbk.txt", () => Results.Bytes(Encoding.GetEncoding("GB18030").GetBytes(Minutes), "text/plain"));
        _files.MapGet("/huge.txt", () => Results.Bytes(new byte[3 * 1024 * 1024], "text/plain"));
        _files.MapGet("/gone.txt", () => Results.NotFound());
        foreach (var name in (string[])["cn_minutes_for_pdf.pdf", "scanned_minutes.pdf", "teams_transcript.vtt", "malformed_transcript.vtt", "office_minutes.doc", "task_table.xlsx"])
        {
            var bytes = await File.ReadAllBytesAsync(Testing.RepoPaths.Fixture("inputs/" + name));
            _files.MapGet("/" + name, () => Results.Bytes(bytes, "application/octet-stream"));
        }

        // The same minutes as Word saves them when a password is needed to open them (the FIB's fEncrypted bit).
        var locked = Testing.OfficeFixtures.PasswordProtected(await File.ReadAllBytesAsync(Testing.RepoPaths.Fixture("inputs/office_minutes.doc")));
        _files.MapGet("/locked.doc", () => Results.Bytes(locked, "application/octet-stream"));

        await _files.StartAsync();
        _filesUrl = _files.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await _files.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AGbkTextFileBecomesADraftWithItsDirectives()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        var status = await PostAsync(client, FileMessage(Organiser, "minutes-gbk.txt"));

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = string.Join("\n", _connector.Requests.Select(r => Decode(r.Body)));
        Assert.Contains("制定重点项目推进方案", reply, StringComparison.Ordinal);
        Assert.Contains("市发展改革委", reply, StringComparison.Ordinal);
        var meeting = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings")));
        Assert.Equal(Minutes.Trim(), (await File.ReadAllTextAsync(Path.Combine(meeting, "source.txt"))).Trim());
    }

    [Fact]
    public async Task ATextPdfBecomesADraftWithItsDirectives()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "cn_minutes_for_pdf.pdf"));

        var reply = string.Join("\n", _connector.Requests.Select(r => Decode(r.Body)));
        Assert.Contains("拨付第一批补助资金", reply, StringComparison.Ordinal);
        Assert.Contains("市住建局", reply, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    [Theory]
    [InlineData("zh-CN", "扫描件")]
    [InlineData("en-US", "This PDF is a scan")]
    public async Task AScannedPdfIsRefusedAsAScanInTheOrganisersLanguageAndNothingIsStored(string locale, string message)
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "scanned_minutes.pdf", locale));

        Assert.Contains(message, Decode(Assert.Single(_connector.Requests).Body), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    [Fact]
    public async Task AWord97DocumentBecomesADraftFromItsBodyAlone()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "office_minutes.doc"));

        var reply = string.Join("\n", _connector.Requests.Select(r => Decode(r.Body)));
        Assert.Contains("制定老旧小区改造年度计划", reply, StringComparison.Ordinal);
        Assert.Contains("市住房城乡建设局", reply, StringComparison.Ordinal);
        var meeting = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings")));
        var source = await File.ReadAllTextAsync(Path.Combine(meeting, "source.txt"));
        Assert.StartsWith("关于推进城市更新重点工作的专题会议纪要", source, StringComparison.Ordinal);
        Assert.DoesNotContain("滨江市人民政府办公室", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExcelTaskTableBecomesADraftWithOneItemPerRow()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "task_table.xlsx"));

        var reply = string.Join("\n", _connector.Requests.Select(r => Decode(r.Body)));
        Assert.Contains("编制老旧小区改造年度计划", reply, StringComparison.Ordinal);
        Assert.Contains("完善城市更新项目库", reply, StringComparison.Ordinal);
        Assert.Contains("制定配套支持政策", reply, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    [Theory]
    [InlineData("zh-CN", "该 Word (.doc) 文件设有打开密码")]
    [InlineData("en-US", "The Word (.doc) file is password-protected")]
    public async Task APasswordProtectedDocumentIsRefusedInTheOrganisersLanguageAndNothingIsStored(string locale, string message)
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "locked.doc", locale));

        var reply = Decode(Assert.Single(_connector.Requests).Body);
        Assert.Contains(message, reply, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    [Fact]
    public async Task ATeamsTranscriptBecomesADraftOwnedByItsSpeakers()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "teams_transcript.vtt"));

        var reply = string.Join("\n", _connector.Requests.Select(r => Decode(r.Body)));
        Assert.Contains("Adele Vance", reply, StringComparison.Ordinal);
        Assert.Contains("send the revised budget to the finance team", reply, StringComparison.Ordinal);
        var meeting = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings")));
        Assert.Contains("Isaiah Langer: Sounds good.", await File.ReadAllTextAsync(Path.Combine(meeting, "source.txt")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "无法识别该 Teams 会议转录")]
    [InlineData("en-US", "not a Teams transcript I can read")]
    public async Task AMalformedTranscriptIsRefusedAndNothingIsStored(string locale, string message)
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "malformed_transcript.vtt", locale));

        var reply = Decode(Assert.Single(_connector.Requests).Body);
        Assert.Contains(message, reply, StringComparison.Ordinal);
        Assert.Contains("Line 4", reply, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedAndNothingIsStored()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["FollowUp:MaxImportBytes"] = "1048576" });
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "huge.txt"));

        Assert.Contains("larger than 1 MB", Decode(Assert.Single(_connector.Requests).Body), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    [Fact]
    public async Task AFailedDownloadIsExplainedAndNothingIsStored()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage(Organiser, "gone.txt"));

        Assert.Contains("could not download the file (404)", Decode(Assert.Single(_connector.Requests).Body), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnOrganiserIsRefusedPolitelyInTheirLanguage()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        await PostAsync(client, FileMessage("00000000-0000-0000-0000-0000000000024", "minutes-gbk.txt", locale: "zh-CN"));

        Assert.Contains("只有督办员可以导入", Decode(Assert.Single(_connector.Requests).Body), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
    }

    private JsonObject FileMessage(string aadObjectId, string file, string locale = "en-US") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = "2026-11-26T02:00:00.000Z",
        ["serviceUrl"] = _connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Alex", ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUpBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:chat-1", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = file,
            ["content"] = new JsonObject { ["downloadUrl"] = $"{_filesUrl}/{file}", ["uniqueId"] = "1", ["fileType"] = "txt" },
        }),
    };

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    /// <summary>The connector request body with \u escapes turned back into characters.</summary>
    private static string Decode(string json) => JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
