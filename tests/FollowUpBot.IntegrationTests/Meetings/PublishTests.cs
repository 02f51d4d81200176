using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Meetings;

/// <summary>Publish and report rules, in-process against a scripted connector: no double sends, no stale overwrite.</summary>
public sealed class PublishTests : IAsyncLifetime
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task PublishingTwiceDoesNotSendTwiceAndAStaleCardIsRefreshedNotOverwritten()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        // Every contact of the seed directory has talked to the bot, so each has a 1:1 chat.
        for (var n = 1; n <= 5; n++)
        {
            await PostAsync(client, Activity($"00000000-0000-0000-0000-000000000002{n}", $"a:chat-{n}", text: "help"));
        }

        var speech = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        await PostAsync(client, Activity(Organiser, "a:organiser", text: speech));
        var meetingId = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings"))).Split('/')[^1];

        await PostAsync(client, Invoke(Organiser, "a:organiser", "draft.publish", new JsonObject { ["meetingId"] = meetingId, ["page"] = "0" }));
        var first = await WaitForDeliveriesAsync(app, meetingId);
        // Each delivery run ends by telling the organiser whom it reached: that message proves the run is over.
        await WaitForDeliveryReportsAsync(1);
        var sendsToMegan = SendsTo("a:chat-1");

        await PostAsync(client, Invoke(Organiser, "a:organiser", "draft.publish", new JsonObject { ["meetingId"] = meetingId, ["page"] = "0" }));
        await WaitForDeliveryReportsAsync(2);

        Assert.Equal(first, await DeliveryCountAsync(app, meetingId));
        Assert.Equal(1, sendsToMegan);
        Assert.Equal(sendsToMegan, SendsTo("a:chat-1"));

        // Megan reports with a card rendered before the item changed: the bot refreshes the card and says so.
        var meeting = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!;
        var item = meeting["items"]!.AsArray().First(i => i!["lead"]!.AsArray().Any(l => l!.ToString() == "市委宣传部"))!;
        var itemId = item["id"]!.ToString();
        using var answer = await PostAsync(client, Invoke(Megan, "a:chat-1", "progress.report", new JsonObject
        {
            ["meetingId"] = meetingId, ["itemId"] = itemId, ["department"] = "市委宣传部", ["v"] = "an-older-version",
            ["status_" + itemId] = "completionRequested",
        }));
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Contains("changed since the card was shown", body, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "progress")));
    }

    private int SendsTo(string conversationId) =>
        _connector.Requests.Count(r => r.Method == "POST" && (r.Path.Contains(conversationId + "/activities", StringComparison.Ordinal) || r.Path.Contains(Uri.EscapeDataString(conversationId) + "/activities", StringComparison.Ordinal))
            && r.Body.Contains("progress.report", StringComparison.Ordinal));

    /// <summary>Waits until the bot has reported that many finished delivery runs to the organiser.</summary>
    private async Task WaitForDeliveryReportsAsync(int runs)
    {
        for (var i = 0; i < 300; i++)
        {
            var reports = _connector.Requests.Count(r => r.Method == "POST" && r.Path.Contains("a:organiser/activities", StringComparison.Ordinal)
                && r.Body.Contains("Checklists of", StringComparison.Ordinal) && !r.Body.Contains("attachments", StringComparison.Ordinal));
            if (reports >= runs)
            {
                Assert.Equal(runs, reports);
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The organiser did not get {runs} delivery reports.");
    }

    private static async Task<int> WaitForDeliveriesAsync(BotApplication app, string meetingId)
    {
        for (var i = 0; i < 100; i++)
        {
            var count = await DeliveryCountAsync(app, meetingId);
            if (count > 0)
            {
                return count;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The checklists were not delivered.");
    }

    private static async Task<int> DeliveryCountAsync(BotApplication app, string meetingId) =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!["deliveries"]?.AsArray().Count ?? 0;

    private JsonObject Activity(string aadObjectId, string conversationId, string? text = null) =>
        TestActivities.Message(_connector.ServiceUrl, aadObjectId, conversationId, text);

    private JsonObject Invoke(string aadObjectId, string conversationId, string verb, JsonObject data) =>
        TestActivities.Invoke(_connector.ServiceUrl, aadObjectId, conversationId, verb, data);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) => TestActivities.PostOkAsync(client, activity);
}
