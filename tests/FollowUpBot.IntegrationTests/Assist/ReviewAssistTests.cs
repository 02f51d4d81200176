using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.Assist;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Assist;

/// <summary>
/// The organiser pastes minutes: the review card from the rules is sent at once, and the AI suggestions (from a loopback
/// stand-in) update that same card message afterwards, marked as suggested by AI; failures leave the rules' draft.
/// </summary>
public sealed class ReviewAssistTests : IAsyncLifetime
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private FakeConnector _connector = null!;
    private string _minutes = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _minutes = (await File.ReadAllTextAsync(RepoPaths.Fixture("ai/minutes.txt"))).Trim();
    }

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task TheRulesDraftIsSentAtOnceAndTheSameCardIsUpdatedWithTheMarkedSuggestions()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-good.json"));
        using var app = new BotApplication(Settings(standIn));
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, Message(_minutes, "zh-CN")));
        await app.Services.GetRequiredService<ReviewAssist>().WhenIdleAsync();

        var sent = Decode(_connector.Requests.First(r => r.Method == "POST").Body);
        Assert.Contains("AI 辅助正在阅读", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("防汛物资", sent, StringComparison.Ordinal);
        var update = _connector.Requests.Single(r => r.Method == "PUT");
        Assert.EndsWith("/activities/1", update.Path, StringComparison.Ordinal);
        var updated = Decode(update.Body);
        Assert.Contains("AI 辅助建议了 2 项", updated, StringComparison.Ordinal);
        Assert.Contains("完成防汛物资补充采购", updated, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(updated, "AI 建议：发布前请核对"));
        var meeting = JsonNode.Parse(await File.ReadAllTextAsync(MeetingJson(app)))!;
        var items = meeting["items"]!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.Equal(2, items.Count(i => (string?)i!["origin"] == "ai"));
        Assert.All(items, i => Assert.NotEmpty(i!["lead"]!.AsArray()));
    }

    [Fact]
    public async Task ASlowModelNeverDelaysTheImportAndTheCardSaysTheDraftIsTheRulesAlone()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Slow("extraction-good.json"));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-09-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var app = new BotApplication(Settings(standIn), services: s => s.AddSingleton<TimeProvider>(time));
        using var client = app.CreateClient();

        // The import is answered while the model is still holding its answer.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, Message(_minutes, "en-US")));
        await standIn.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("The AI assist is reading", Decode(Assert.Single(_connector.Requests).Body), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(5));
        await app.Services.GetRequiredService<ReviewAssist>().WhenIdleAsync();

        var updated = Decode(_connector.Requests.Single(r => r.Method == "PUT").Body);
        Assert.Contains("no usable answer in time", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("Suggested by AI", updated, StringComparison.Ordinal);
        var meeting = JsonNode.Parse(await File.ReadAllTextAsync(MeetingJson(app)))!;
        Assert.Equal(3, meeting["items"]!.AsArray().Count);
        Assert.DoesNotContain("\"origin\"", meeting.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheAssistOffTheImportIsTheRulesAloneAndNothingIsAsked()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-good.json"));
        var settings = Settings(standIn);
        settings.Remove("FollowUp:AI:Endpoint");
        using var app = new BotApplication(settings);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(client, Message(_minutes, "en-US")));
        await app.Services.GetRequiredService<ReviewAssist>().WhenIdleAsync();

        Assert.False(app.Services.GetRequiredService<AssistCaller>().Enabled);
        var only = Decode(Assert.Single(_connector.Requests).Body);
        Assert.Contains("完善应急物资储备清单", only, StringComparison.Ordinal);
        Assert.DoesNotContain("The AI assist", only, StringComparison.Ordinal);
        Assert.Empty(standIn.Requests);
    }

    [Theory]
    [InlineData("https://example.com/v1", null, "gpt-4o-mini", "FollowUp:AI:Key is required")]
    [InlineData("http://example.com/v1", "k", "gpt-4o-mini", "absolute https URL")]
    [InlineData("https://contoso.openai.azure.com", null, null, "FollowUp:AI:Model is required")]
    public async Task SettingsThatCannotWorkStopTheAppAtStart(string endpoint, string? key, string? model, string message)
    {
        var error = await StartupCheck.RefusedAsync(
            "Development",
            ("FollowUp:AI:Endpoint", endpoint),
            ("FollowUp:AI:Key", key),
            ("FollowUp:AI:Model", model));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(OpenAiStandIn standIn) => new()
    {
        ["FollowUp:AI:Endpoint"] = standIn.BaseUrl,
        ["FollowUp:AI:Model"] = "gpt-4o-mini",
        ["FollowUp:AI:Key"] = "sk-standin-review-7c1e",
        ["FollowUp:DirectoryPath"] = RepoPaths.Fixture("ai/departments.json"),
    };

    private static string MeetingJson(BotApplication app) =>
        Path.Combine(Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings"))), "meeting.json");

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private JsonObject Message(string text, string locale) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = "2026-09-01T02:00:00.000Z",
        ["serviceUrl"] = _connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["locale"] = locale,
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "29:organiser", ["name"] = "Alex", ["aadObjectId"] = Organiser },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUpBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:chat-1", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }

    private static string Decode(string json) => JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
