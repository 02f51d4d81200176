using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Localization;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Dashboard;

/// <summary><c>汇总</c> and <c>导出</c> sent to <c>/api/messages</c> as Teams would: organisers get the card and the link, others a polite no.</summary>
public sealed class SummaryCommandTests
{
    [Fact]
    public async Task AnOrganiserAskingForTheSummaryGetsTheCardOfTheLatestMeetingWithADashboardLink()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await DashboardAccessTests.SeededAsync();
        using var client = app.CreateClient();

        using var response = await PostAsync(client, Message(connector, "汇总", SummaryFixture.OrganiserAadId, "zh-CN"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Replies(connector).Select(r => r["attachments"]?[0]?["content"]).Single(c => c is not null)!;
        var text = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(Texts.Format(UiLocale.ZhCN, "summary.title", "2026年第四季度重点工作推进会"), text, StringComparison.Ordinal);
        Assert.Contains("https://bot.example.test/dashboard/meetings/m-q4?exp=", text, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"summary.export\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrganiserAskingForTheExportGetsAShortLivedDownloadLink()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await DashboardAccessTests.SeededAsync();
        using var client = app.CreateClient();

        using var response = await PostAsync(client, Message(connector, "export", SummaryFixture.OrganiserAadId, "en-US"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Replies(connector).Single()["text"]!.ToString();
        Assert.Contains("https://bot.example.test/export/m-q4.xlsx?exp=", reply, StringComparison.Ordinal);
        Assert.Contains("&sig=", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("进展", "zh-CN")]
    [InlineData("summary all", "en-US")]
    [InlineData("导出", "zh-CN")]
    public async Task SomeoneWhoIsNotAnOrganiserIsPolitelyRefusedInTheirLanguageAndShownNothing(string command, string locale)
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await DashboardAccessTests.SeededAsync();
        using var client = app.CreateClient();

        using var response = await PostAsync(client, Message(connector, command, "aad-zr", locale));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Replies(connector).Single();
        Assert.Equal(Texts.Get(UiLocales.FromTag(locale), "summary.notOrganiser"), reply["text"]!.ToString());
        Assert.Null(reply["attachments"]);
    }

    [Fact]
    public async Task TheExportButtonGivesAnOrganiserTheLinkAndSomeoneElseOnlyARefusal()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await DashboardAccessTests.SeededAsync();
        using var client = app.CreateClient();

        using var organiser = await PostAsync(client, Invoke(connector, SummaryFixture.OrganiserAadId));
        using var contact = await PostAsync(client, Invoke(connector, "aad-zr"));

        var granted = JsonNode.Parse(await organiser.Content.ReadAsStringAsync())!;
        var refused = JsonNode.Parse(await contact.Content.ReadAsStringAsync())!;
        Assert.Equal(200, granted["statusCode"]!.GetValue<int>());
        Assert.Contains("/export/m-q4.xlsx?exp=", granted["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(Texts.Get(UiLocale.EnUS, "summary.notOrganiser"), refused["value"]!.ToString());
        // One link in the conversation: the organiser's; the contact's press sent none.
        Assert.Single(Replies(connector), r => r["text"]?.ToString().Contains("sig=", StringComparison.Ordinal) == true);
    }

    private static JsonObject Invoke(FakeConnector connector, string aadObjectId)
    {
        var activity = Message(connector, string.Empty, aadObjectId, "en-US");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "summary.export", ["data"] = new JsonObject { ["verb"] = "summary.export", ["meetingId"] = "m-q4" } },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private static JsonObject Message(FakeConnector connector, string text, string aadObjectId, string locale) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["timestamp"] = "2026-12-10T02:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl,
        ["text"] = text,
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:user-" + aadObjectId, ["aadObjectId"] = aadObjectId, ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUp" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-" + aadObjectId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    /// <summary>The activities the bot sent to the connector (replies and sends), in order.</summary>
    private static List<JsonNode> Replies(FakeConnector connector) =>
        [.. connector.Requests.Where(r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!)];
}
