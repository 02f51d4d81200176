using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Reminders;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Reminders;

/// <summary>
/// One check of a reminder policy, for the Reminders:* defaults at start and for what an organiser types on the
/// review card: what is wrong is said (in the organiser's language), nothing is saved, and what was typed stays.
/// </summary>
public sealed class ReminderPolicyTests : IAsyncLifetime
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Theory]
    [InlineData("zh-CN", "提醒设置未保存", "“0 9 * *”不是有效的 cron 表达式", "“8-20”不是有效的时间段", "到期前几个工作日提醒：“99”不是 0 到 60 之间的整数工作日数")]
    [InlineData("en-US", "The reminder policy was not saved", "\"0 9 * *\" is not a cron schedule", "\"8-20\" is not a time range", "Working days before the due date: \"99\" is not a whole number of working days from 0 to 60")]
    public async Task TheReviewCardSaysWhatIsWrongWithATypedPolicyAndSavesNothing(string locale, string heading, string cron, string quiet, string days)
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var speech = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        await PostAsync(client, Activity(locale, text: speech));
        var meetingId = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings"))).Split('/')[^1];

        using var refused = await PostAsync(client, Invoke(locale, new JsonObject { ["meetingId"] = meetingId, ["page"] = "0", ["cron"] = "0 9 * *", ["before"] = "99", ["escalate"] = "2", ["quiet"] = "8-20" }));
        var card = Strings(JsonNode.Parse(await refused.Content.ReadAsStringAsync()));

        foreach (var expected in new[] { heading, cron, quiet, days })
        {
            Assert.Contains(expected, card, StringComparison.Ordinal);
        }

        // The form comes back with what was typed, and the draft keeps no policy.
        Assert.Contains("\n8-20\n", card, StringComparison.Ordinal);
        Assert.Null(Meeting(app, meetingId)["reminders"]);

        using var saved = await PostAsync(client, Invoke(locale, new JsonObject { ["meetingId"] = meetingId, ["page"] = "0", ["cron"] = "30 8 * * 1-5", ["before"] = "5", ["escalate"] = "", ["quiet"] = "21:00-07:30" }));
        var policy = Meeting(app, meetingId)["reminders"]!;
        Assert.Equal(("30 8 * * 1-5", 5, null, "21:00-07:30"), (policy["cron"]?.ToString(), (int?)policy["daysBeforeDue"], (int?)policy["escalateAfterDays"], policy["quietHours"]?.ToString()));
    }

    [Fact]
    public void TheConfiguredDefaultsAreCheckedWithTheSameRules()
    {
        var result = new RemindersOptionsValidation().Validate(null, new RemindersOptions { Cron = "every monday", QuietHours = "20-08", DaysBeforeDue = -1, SenderHeartbeat = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Reminders:Cron: \"every monday\" is not a cron schedule", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reminders:QuietHours: \"20-08\" is not a time range", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reminders:DaysBeforeDue: ", StringComparison.Ordinal) && f.Contains("\"-1\"", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Reminders:SenderHeartbeat", StringComparison.Ordinal));
        Assert.True(new RemindersOptionsValidation().Validate(null, new RemindersOptions()).Succeeded);
    }

    /// <summary>Every string in a JSON document, one a line, as a reader sees them (no JSON escapes).</summary>
    private static string Strings(JsonNode? node) => "\n" + string.Join("\n", Walk(node)) + "\n";

    private static IEnumerable<string> Walk(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Walk(p.Value)),
        JsonArray a => a.SelectMany(Walk),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static JsonNode Meeting(BotApplication app, string meetingId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!;

    private JsonObject Activity(string locale, string? text = null) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["serviceUrl"] = _connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:" + Organiser, ["name"] = "Organiser", ["aadObjectId"] = Organiser },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUpBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:organiser", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["text"] = text,
    };

    private JsonObject Invoke(string locale, JsonObject data)
    {
        var activity = Activity(locale);
        data["verb"] = "draft.policy";
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-message";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "draft.policy", ["data"] = data }, ["trigger"] = "manual" };
        return activity;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity)
    {
        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
