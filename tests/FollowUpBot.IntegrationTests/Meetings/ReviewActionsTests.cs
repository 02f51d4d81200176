using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Meetings;

/// <summary>The review card's buttons through /api/messages, in-process against a scripted connector.</summary>
public sealed class ReviewActionsTests : IAsyncLifetime
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";

    // The seed speech plus two subjectless obligations with something to deliver: three candidates in all.
    private const string Extra = "\n要在本月底前报送整改方案。要开展一次专项督查。\n";
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task DropAllUnassignedRemovesEveryCandidateInOnePressAndKeepsTheRest()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var meetingId = await ImportSeedAsync(app, client);
        var before = await ItemsAsync(app, meetingId);
        Assert.Equal(3, before.Count(i => i!["lead"]!.AsArray().Count == 0));

        using var answer = await PostAsync(client, Invoke(Organiser, "draft.dropUnassigned", new JsonObject { ["meetingId"] = meetingId, ["page"] = "0" }));
        var body = await answer.Content.ReadAsStringAsync();

        var after = await ItemsAsync(app, meetingId);
        Assert.Equal(before.Count - 3, after.Count);
        Assert.All(after, i => Assert.NotEmpty(i!["lead"]!.AsArray()));
        Assert.Contains("Dropped 3 unassigned item(s).", body, StringComparison.Ordinal);
        Assert.Contains(after.Count + " item(s) found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("draft.dropUnassigned", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnOrganiserCannotDropAnything()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var meetingId = await ImportSeedAsync(app, client);
        var before = (await ItemsAsync(app, meetingId)).Count;

        await PostAsync(client, Invoke(Megan, "draft.dropUnassigned", new JsonObject { ["meetingId"] = meetingId, ["page"] = "0" }));

        Assert.Equal(before, (await ItemsAsync(app, meetingId)).Count);
    }

    [Fact]
    public async Task TheImportAnswerSaysHowManyItemsWereFoundAndHowManyNeedADepartment()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var meetingId = await ImportSeedAsync(app, client);
        var items = await ItemsAsync(app, meetingId);
        var needDepartment = items.Count(i => i!["lead"]!.AsArray().Count == 0 || (i["unknownActors"]?.AsArray().Count ?? 0) > 0);

        var reply = string.Join("\n", _connector.Requests.Select(r => r.Body));

        Assert.Contains($"{items.Count} item(s) found; {needDepartment} need a department.", reply, StringComparison.Ordinal);
        Assert.Contains("Drop all unassigned", reply, StringComparison.Ordinal);
    }

    private async Task<string> ImportSeedAsync(BotApplication app, HttpClient client)
    {
        var speech = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        await PostAsync(client, Activity(Organiser, text: speech + Extra));
        return Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings"))).Split('/')[^1];
    }

    private static async Task<List<JsonNode?>> ItemsAsync(BotApplication app, string meetingId) =>
        [.. JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!["items"]!.AsArray()];

    private JsonObject Activity(string aadObjectId, string? text = null)
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, aadObjectId, "a:chat-" + aadObjectId[^2..], text);
        activity["timestamp"] = "2026-11-26T02:00:00.000Z";
        return activity;
    }

    private JsonObject Invoke(string aadObjectId, string verb, JsonObject data)
    {
        var activity = TestActivities.Invoke(_connector.ServiceUrl, aadObjectId, "a:chat-" + aadObjectId[^2..], verb, data);
        activity["timestamp"] = "2026-11-26T02:00:00.000Z";
        return activity;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) => TestActivities.PostOkAsync(client, activity);
}
