using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>What <c>/api/messages</c> answers, in the anonymous Development mode the Agents Playground uses.</summary>
public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task AnInvokeIsAlwaysAnsweredWith200AndAnInvokeResponse()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var activity = await FixtureAsync("invoke-adaptiveCard-action-personal.teamsnet.json");

        using var response = await PostAsync(client, activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        // The fixture's action has no verb this bot knows: the answer says so inside a 200.
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.ToString());
    }

    [Fact]
    public async Task AnInvokeTheBotDoesNotSupportIsStillAnswered()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var activity = await FixtureAsync("invoke-adaptiveCard-action-personal.teamsnet.json");
        activity["name"] = "composeExtension/query";

        using var response = await PostAsync(client, activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(501, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("messageReaction-reactionsAdded.docs.json")]
    [InlineData("event-readReceipt-personal.docs.json")]
    [InlineData("messageDelete-softDeleteMessage-personal.docs.json")]
    [InlineData("conversationUpdate-teamRenamed.docs.json")]
    public async Task ActivitiesTheBotDoesNotActOnAreAcknowledged(string fixture)
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        using var response = await PostAsync(client, (await FixtureAsync(fixture)).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task ABodyThatIsNotAnActivityIsABadRequest(string body)
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();

        using var response = await PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonObject> FixtureAsync(string name) =>
        JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.Fixture("activities/" + name)))!.AsObject();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
}
