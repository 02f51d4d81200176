using System.Text.Json.Nodes;
using FollowUpBot.Assist;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpBot.IntegrationTests.Assist;

/// <summary>
/// A department contact's reply the rules are unsure of gets the status picker at once, pre-filled from the rules; the
/// reply assist (loopback stand-in) then pre-fills the same picker with its reading, marked, and nothing is stored.
/// </summary>
public sealed class PickerAssistTests : IAsyncLifetime
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private const string Ndrc = "00000000-0000-0000-0000-00000000a001";
    private const string Reply = "领导，方案那个事，可能得晚一些，大概十月底吧";
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task AnUnsureReplyGetsThePickerAtOnceAndTheAiReadingPreFillsItMarkedWithNothingStored()
    {
        // The import's extraction assist fails (500) and the draft is the rules'; the reply assist then answers.
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Error(500), ModelAnswer.Ok("reply-picker.json"));
        using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["FollowUp:AI:Endpoint"] = standIn.BaseUrl,
            ["FollowUp:AI:Model"] = "gpt-4o-mini",
            ["FollowUp:AI:Key"] = "sk-standin-picker-3e8d",
            ["FollowUp:DirectoryPath"] = RepoPaths.Fixture("ai/departments.json"),
        });
        using var client = app.CreateClient();
        await PostAsync(client, Message(Ndrc, "a:chat-ndrc", "help"));
        await PostAsync(client, Message(Organiser, "a:organiser", (await File.ReadAllTextAsync(RepoPaths.Fixture("ai/minutes.txt"))).Trim()));
        await app.Services.GetRequiredService<ReviewAssist>().WhenIdleAsync();
        var meetingId = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings"))).Split('/')[^1];
        await PostAsync(client, Invoke(Organiser, "a:organiser", "draft.dropUnassigned", new JsonObject { ["meetingId"] = meetingId, ["page"] = "0" }));
        await PostAsync(client, Invoke(Organiser, "a:organiser", "draft.publish", new JsonObject { ["meetingId"] = meetingId, ["page"] = "0" }));
        await Eventually.WaitForAsync(() => Task.FromResult(_connector.Requests.Any(r => r.Path.Contains("a:chat-ndrc", StringComparison.Ordinal) && r.Body.Contains("AdaptiveCard", StringComparison.Ordinal))), TimeSpan.FromSeconds(30), "the checklist sent to the department");
        var before = _connector.Requests.Count;

        await PostAsync(client, Message(Ndrc, "a:chat-ndrc", Reply));
        await app.Services.GetRequiredService<PickerAssist>().WhenIdleAsync();

        var answers = _connector.Requests.Skip(before).ToList();
        var picker = Decode(answers.First(r => r.Method == "POST").Body);
        Assert.DoesNotContain("已按 AI", picker, StringComparison.Ordinal);
        Assert.True(answers.Count(r => r.Method == "PUT") == 1, $"AI calls: {standIn.Requests.Count}; answers: " + string.Join("\n", answers.Select(r => r.Method + " " + r.Path + " " + Decode(r.Body)[..Math.Min(600, Decode(r.Body).Length)])));
        var update = answers.Single(r => r.Method == "PUT");
        Assert.Contains("a:chat-ndrc", update.Path, StringComparison.Ordinal);
        var prefilled = JsonNode.Parse(update.Body)!["attachments"]![0]!["content"]!;
        var text = Decode(update.Body);
        Assert.Contains("已按 AI 对“可能得晚一些，大概十月底吧”的理解预选", text, StringComparison.Ordinal);
        Assert.Contains("2026-10-31", text, StringComparison.Ordinal);
        // The AI's status is the first, highlighted choice.
        var first = prefilled["actions"]![0]!;
        Assert.Equal("positive", (string?)first["style"]);
        Assert.Equal("extension", (string?)first["data"]!["status_i1"]);
        Assert.Equal(2, standIn.Requests.Count);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "progress")));
    }

    private JsonObject Message(string aadObjectId, string conversationId, string? text) =>
        TestActivities.Message(_connector.ServiceUrl, aadObjectId, conversationId, text, "zh-CN");

    private JsonObject Invoke(string aadObjectId, string conversationId, string verb, JsonObject data) =>
        TestActivities.Invoke(_connector.ServiceUrl, aadObjectId, conversationId, verb, data, "zh-CN");

    private static async Task PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await TestActivities.PostOkAsync(client, activity);
    }

    private static string Decode(string json) => JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
