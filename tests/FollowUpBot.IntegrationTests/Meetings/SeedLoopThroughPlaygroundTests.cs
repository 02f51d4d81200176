using System.Text.Json.Nodes;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Meetings;

/// <summary>
/// The whole organiser flow on the seed speech, through the Agents Playground as Teams: the organiser pastes the
/// speech, reviews the draft, publishes; each department's contact receives its checklist and reports on it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SeedLoopThroughPlaygroundTests
{
    [Fact]
    public async Task ImportReviewPublishAndReportOnTheSeedSpeech()
    {
        using var bot = new BotApplication();
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        var groupChat = playground.Config["groupChats"]![0]!["id"]!.ToString();
        var team = playground.Config["teams"]![0]!;

        // The department contacts share a group chat and a team with the bot: it learns who they are from there.
        await playground.SendAsync(groupChat, "help", fromUserId: "user-id-1", mentionBot: true);
        await playground.SendAsync(team["channels"]![0]!["id"]!.ToString(), "help", fromUserId: "user-id-2", mentionBot: true);
        await playground.WaitForBotMessageAsync(m => m.ConversationId == groupChat);

        var speech = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        await playground.SendAsync(playground.PersonalChatId, speech);
        var review = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && m.CardText.Contains("draft.publish", StringComparison.Ordinal));
        var reviewJson = review.CardText;
        Assert.Contains("制定会议精神宣传实施方案", reviewJson, StringComparison.Ordinal);
        Assert.Contains("市委宣传部", reviewJson, StringComparison.Ordinal);
        var meetingId = FindData(review.Cards.Single(), "draft.publish")!["meetingId"]!.ToString();

        var published = await playground.InvokeAsync(playground.PersonalChatId, review.MessageId!, "draft.publish",
            new JsonObject { ["verb"] = "draft.publish", ["meetingId"] = meetingId, ["page"] = "0" });
        Assert.Equal(200, published!["statusCode"]?.GetValue<int>() ?? 200);

        // 市委宣传部's contact (user-id-1, Megan) gets a checklist in a new 1:1 chat.
        var checklist = await playground.WaitForBotMessageAsync(m => m.CardText.Contains("progress.report", StringComparison.Ordinal) && m.CardText.Contains("市委宣传部", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var report = FindData(checklist.Cards.Single(), "progress.report")!;
        var itemId = report["itemId"]!.ToString();
        var data = report.DeepClone().AsObject();
        data["status_" + itemId] = "inProgress";
        data["percent_" + itemId] = "40";
        data["note_" + itemId] = "已起草实施方案，正在征求意见";

        var answer = await playground.InvokeAsync(checklist.ConversationId, checklist.MessageId!, "progress.report", data, fromUserId: "user-id-1");

        Assert.Contains("已起草实施方案", answer!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        var records = Directory.GetFiles(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "progress"), "*.json", SearchOption.AllDirectories);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(records)))!;
        Assert.Equal("inProgress", record["status"]!.ToString());
        Assert.Equal(40, record["percent"]!.GetValue<int>());
        Assert.Equal("市委宣传部", record["department"]!.ToString());
        Assert.Equal("00000000-0000-0000-0000-0000000000021", record["by"]!["aadObjectId"]!.ToString());

        // Someone of another department (Lynne, 党建办) sending the same action from a chat she is in is refused, and nothing is stored.
        var groupMessage = playground.BotMessages().First(m => m.ConversationId == groupChat);
        var refused = await playground.InvokeAsync(groupChat, groupMessage.MessageId!, "progress.report", data, fromUserId: "user-id-5");
        Assert.DoesNotContain("已起草实施方案", refused!.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "progress"), "*.json", SearchOption.AllDirectories));

        // Megan then reports in free text in her chat with the bot. (The playground's message API always speaks as its
        // current user, the organiser here, so her message is posted to the bot as Teams would send it.)
        var number = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!["items"]!
            .AsArray().Single(i => i!["id"]!.ToString() == itemId)!["number"]!.GetValue<int>();
        await playground.PostToBotAsUserAsync(endpoint, checklist.ConversationId, "user-id-1", $"{number} 已完成 已印发实施方案");
        var understood = await playground.WaitForBotMessageAsync(m => m.ConversationId == checklist.ConversationId && m.CardText.Contains("reply.undo", StringComparison.Ordinal));
        Assert.Contains("已完成", understood.CardText, StringComparison.Ordinal);

        // The reply is answered once its record is stored; the projector applies it to meeting.json and then to the
        // organisers' pending index just after.
        var pendingIndex = Path.Combine(bot.DataPath, "blobs", "index", "pending.json");
        await Eventually.WaitForAsync(async () => File.Exists(pendingIndex) && (await File.ReadAllTextAsync(pendingIndex)).Contains(itemId, StringComparison.Ordinal),
            TimeSpan.FromSeconds(5), "the completion request to reach index/pending.json");
        Assert.Equal("completionRequested", DepartmentStatus(await File.ReadAllTextAsync(MeetingPath(bot, meetingId)), itemId, "市委宣传部"));

        // The organiser sees the completion request and approves it: the department's part is closed (办结).
        await playground.SendAsync(playground.PersonalChatId, "待审核");
        var pending = await playground.WaitForBotMessageAsync(m => m.CardText.Contains("approval.decide", StringComparison.Ordinal));
        var approve = FindData(pending.Cards.Single(), "approval.decide")!.DeepClone().AsObject();
        Assert.Equal("completion", approve["kind"]!.ToString());
        await playground.InvokeAsync(playground.PersonalChatId, pending.MessageId!, "approval.decide", approve);

        await Eventually.WaitForAsync(async () => DepartmentStatus(await File.ReadAllTextAsync(MeetingPath(bot, meetingId)), itemId, "市委宣传部") == "closed",
            TimeSpan.FromSeconds(5), "the approval to close the department's part in meeting.json");
        var kinds = Directory.GetFiles(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "progress"), "*.json", SearchOption.AllDirectories)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["kind"]!.ToString()).Order().ToList();
        Assert.Equal(["completionApproval", "completionRequest", "progress"], kinds);
    }

    private static string MeetingPath(BotApplication bot, string meetingId) => Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "meeting.json");

    private static string? DepartmentStatus(string meetingJson, string itemId, string department) =>
        JsonNode.Parse(meetingJson)!["items"]!.AsArray().Single(i => i!["id"]!.ToString() == itemId)!["departments"]!.AsArray()
            .Single(d => d!["department"]!.ToString() == department)!["status"]?.ToString();

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The data of the first Action.Execute with this verb anywhere in a card (including show-cards).</summary>
    internal static JsonObject? FindData(JsonNode? node, string verb)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.ToString() == "Action.Execute" && obj["verb"]?.ToString() == verb)
                {
                    return obj["data"]!.AsObject();
                }

                foreach (var (_, child) in obj)
                {
                    if (FindData(child, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (FindData(child, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
