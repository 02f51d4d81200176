using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.Bulletins;
using FollowUpBot.IntegrationTests.Dashboard;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpBot.IntegrationTests.Bulletins;

/// <summary>The bulletin card's Update button and the download endpoint, posted to the app as Teams and a browser would.</summary>
public sealed class BulletinActionTests
{
    private const string Period = "20261120-20261201";

    [Fact]
    public async Task UpdateKeepsTheOrganisersTitleAndRequirementsAndRefusesAnyoneElse()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await DashboardAccessTests.SeededAsync();
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IBlobStore>();
        var since = new DateOnly(2026, 11, 20);
        var until = new DateOnly(2026, 12, 1);

        using var contact = await PostAsync(client, Invoke(connector, "aad-zr", "第十二期督办通报", "一要压实责任。"));
        Assert.Equal(Texts.Get(UiLocale.ZhCN, "bulletin.notOrganiser"), JsonNode.Parse(await contact.Content.ReadAsStringAsync())!["value"]!.ToString());
        Assert.Null(await store.GetIssueAsync("m-q4", since, until));

        using var organiser = await PostAsync(client, Invoke(connector, "org-1", "第十二期督办通报", "一要压实责任。"));
        var answer = JsonNode.Parse(await organiser.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.ToString());
        var card = answer["value"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("第十二期督办通报", card, StringComparison.Ordinal);
        Assert.Contains($"/bulletins/m-q4/{Period}.docx?exp=", card, StringComparison.Ordinal);
        var issue = (await store.GetIssueAsync("m-q4", since, until))!.Document;
        Assert.Equal(("第十二期督办通报", "一要压实责任。", "org-1"), (issue.Title, issue.Requirements, issue.UpdatedBy!.AadObjectId));
    }

    [Theory]
    [InlineData("/bulletins/m-q4/20261120-20261201.docx", HttpStatusCode.Unauthorized)]
    [InlineData("/bulletins/m-q4/20261120-20261201.docx?exp=4102444800&sig=bm90LWEtc2lnbmF0dXJl", HttpStatusCode.Forbidden)]
    [InlineData("/bulletins/m-q4/not-a-period.docx?exp=4102444800&sig=bm90LWEtc2lnbmF0dXJl", HttpStatusCode.Forbidden)]
    public async Task TheDocumentNeedsALinkTheBotSigned(string path, HttpStatusCode expected)
    {
        using var app = await DashboardAccessTests.SeededAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEqual(BulletinDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonObject Invoke(FakeConnector connector, string aadObjectId, string title, string requirements) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "1700000000002",
        ["timestamp"] = "2026-12-10T02:00:00.000Z",
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl,
        ["locale"] = "zh-CN",
        ["from"] = new JsonObject { ["id"] = "29:user-" + aadObjectId, ["aadObjectId"] = aadObjectId, ["name"] = "User" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUp" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-" + aadObjectId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = BulletinVerbs.Update,
                ["data"] = new JsonObject
                {
                    ["verb"] = BulletinVerbs.Update,
                    ["meetingId"] = "m-q4",
                    ["period"] = Period,
                    [BulletinCard.TitleInput] = title,
                    [BulletinCard.RequirementsInput] = requirements,
                },
            },
            ["trigger"] = "manual",
        },
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }
}
