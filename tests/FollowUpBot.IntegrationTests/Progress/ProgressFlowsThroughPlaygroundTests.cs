using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Meetings;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Progress;

/// <summary>
/// The department contact's and the organiser's flows after publishing, through the Agents Playground as Teams:
/// <c>我的任务</c>, a reply without an item number answered by picking the item on the "which item?" card, undo, and
/// extension requests approved and rejected; an unsure reply confirmed on the status picker, and undo in text. Assertions are on what people see (replies, cards); stored state is
/// polled for, since the projection may be applied a moment after the answer.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProgressFlowsThroughPlaygroundTests
{
    private const string Megan = "user-id-1";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task MyTasksWhichItemUndoAndExtensionsApprovedAndRejected()
    {
        using var bot = new BotApplication(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        var (meetingId, chat) = await PublishSeedAsync(bot, playground);

        // 我的任务: Megan gets her department's open items as checklist cards.
        var seen = Seen(playground);
        await playground.PostToBotAsUserAsync(endpoint, chat, Megan, "我的任务");
        var tasks = await NextAsync(playground, seen, m => m.ConversationId == chat && m.CardText.Contains("progress.report", StringComparison.Ordinal));
        Assert.Contains("市委宣传部", tasks.CardText, StringComparison.Ordinal);
        var numbers = (await MeetingAsync(bot, meetingId))["items"]!.AsArray()
            .Where(i => i!["lead"]!.AsArray().Any(l => l!.ToString() == "市委宣传部")).Select(i => i!["number"]!.GetValue<int>()).ToList();
        Assert.True(numbers.Count >= 2, "The seed gives 市委宣传部 at least two items.");

        // A reply without an item number: the bot asks which item, Megan picks one, the report is recorded.
        seen = Seen(playground);
        await playground.PostToBotAsUserAsync(endpoint, chat, Megan, "进展60%，方案已报审");
        var which = await NextAsync(playground, seen, m => m.ConversationId == chat && m.CardText.Contains("reply.pick", StringComparison.Ordinal));
        var pick = AllData(which.Cards.Single(), "reply.pick").First(d => d["itemId"] is not null);
        var itemId = pick["itemId"]!.ToString();
        Assert.Equal("60", pick["percent"]?.ToString());
        var picked = await playground.InvokeAsync(chat, which.MessageId!, "reply.pick", pick, fromUserId: Megan);
        var pickedText = picked!.ToJsonString(Readable);
        Assert.Contains("reply.undo", pickedText, StringComparison.Ordinal);
        Assert.Contains("60", pickedText, StringComparison.Ordinal);
        await PollAsync(bot, meetingId, m => Department(m, itemId)["percent"]?.GetValue<int>() == 60);

        // Undo on the answer card: the item is back where it was.
        var undo = AllData(picked["value"], "reply.undo").Single();
        var undone = await playground.InvokeAsync(chat, which.MessageId!, "reply.undo", undo, fromUserId: Megan);
        AssertSays(undone, "已撤销", "Undone");
        await PollAsync(bot, meetingId, m => Department(m, itemId)["status"]?.ToString() is null or "notStarted" && Department(m, itemId)["reports"]?.GetValue<int>() == 2);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "progress", itemId)).Length);

        // Two extension requests: the organiser approves the first and rejects the second.
        var (first, second) = (numbers[0], numbers[1]);
        seen = Seen(playground);
        await playground.PostToBotAsUserAsync(endpoint, chat, Megan, $"{first} 申请延期至2027-03-31，等待上级审批");
        await NextAsync(playground, seen, m => m.ConversationId == chat && (m.CardText + m.Text).Contains("2027-03-31", StringComparison.Ordinal));
        seen = Seen(playground);
        await playground.PostToBotAsUserAsync(endpoint, chat, Megan, $"{second} 申请延期至2027-04-30，需协调场地");
        await NextAsync(playground, seen, m => m.ConversationId == chat && (m.CardText + m.Text).Contains("2027-04-30", StringComparison.Ordinal));

        // Requests reach the pending list once the projector has applied them (within seconds): ask until both are there.
        PlaygroundMessage pending;
        List<JsonObject> decisions;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        do
        {
            seen = Seen(playground);
            await playground.SendAsync(playground.PersonalChatId, "待审核");
            pending = await NextAsync(playground, seen, m => m.ConversationId == playground.PersonalChatId && (m.Cards.Any() || !string.IsNullOrEmpty(m.Text)));
            decisions = !pending.Cards.Any() ? [] : [.. AllData(pending.Cards.Single(), "approval.decide").Where(d => d["kind"]?.ToString() == "extension")];
        }
        while (decisions.Count < 4 && DateTimeOffset.UtcNow < deadline);
        var approve = decisions.First(d => d["decision"]!.ToString() == "approve" && ItemNumber(bot, meetingId, d) == first);
        var approved = await playground.InvokeAsync(playground.PersonalChatId, pending.MessageId!, "approval.decide", approve);
        Assert.Contains("2027-03-31", approved!.ToJsonString(Readable), StringComparison.Ordinal);

        var reject = decisions.First(d => d["decision"]!.ToString() == "reject" && ItemNumber(bot, meetingId, d) == second);
        var rejected = await playground.InvokeAsync(playground.PersonalChatId, pending.MessageId!, "approval.decide", reject);
        AssertSays(rejected, "未同意", "rejected");

        var firstId = ItemId(await MeetingAsync(bot, meetingId), first);
        var secondId = ItemId(await MeetingAsync(bot, meetingId), second);
        await PollAsync(bot, meetingId, m => Item(m, firstId)["extended"]?["due"]?.ToString() == "2027-03-31"
            && Item(m, secondId)["extended"]?["due"]?.ToString() != "2027-04-30"
            && Department(m, secondId)["extension"] is not null);
    }

    [Fact]
    public async Task AnUnsureReplyIsConfirmedOnThePickerAsAnExtensionAndAReportIsUndoneInText()
    {
        using var bot = new BotApplication(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        var (meetingId, chat) = await PublishSeedAsync(bot, playground);
        var numbers = (await MeetingAsync(bot, meetingId))["items"]!.AsArray()
            .Where(i => i!["lead"]!.AsArray().Any(l => l!.ToString() == "市委宣传部")).Select(i => i!["number"]!.GetValue<int>()).ToList();
        var (first, second) = (numbers[0], numbers[1]);
        var itemId = ItemId(await MeetingAsync(bot, meetingId), first);

        // An apology with a vague new target: the parser is unsure, so the bot shows the picker and stores nothing.
        var text = $"{first} 不好意思拖了几天，争取下周三前弄完";
        var seen = Seen(playground);
        await playground.PostToBotAsUserAsync(endpoint, chat, Megan, text);
        var picker = await NextAsync(playground, seen, m => m.ConversationId == chat && m.CardText.Contains("\"source\":\"picker\"", StringComparison.Ordinal));
        Assert.Contains("请确认办理状态", picker.CardText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "progress", itemId)));

        // Megan taps 申请延期 with the date she picked (the client sends the card's inputs with the button's data).
        var extension = AllData(picker.Cards.Single(), "progress.report").Single(d => d["status_" + itemId]?.ToString() == "extension");
        extension["due_" + itemId] = "2027-06-30";
        extension["note_" + itemId] = text;
        var confirmed = await playground.InvokeAsync(chat, picker.MessageId!, "progress.report", extension, fromUserId: Megan);
        Assert.Contains("2027-06-30", confirmed!.ToJsonString(Readable), StringComparison.Ordinal);

        // The ledger holds exactly that one record, and the organiser's pending list shows the request.
        var records = Directory.GetFiles(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "progress", itemId));
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(records)))!;
        Assert.Equal("extensionRequest", record["kind"]!.ToString());
        Assert.Equal("2027-06-30", record["due"]!.ToString());
        Assert.Equal(text, record["note"]!.ToString());
        List<JsonObject> requests;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        do
        {
            seen = Seen(playground);
            await playground.SendAsync(playground.PersonalChatId, "待审核");
            var pending = await NextAsync(playground, seen, m => m.ConversationId == playground.PersonalChatId && (m.Cards.Any() || !string.IsNullOrEmpty(m.Text)));
            requests = !pending.Cards.Any() ? [] : [.. AllData(pending.Cards.Single(), "approval.decide").Where(d => d["kind"]?.ToString() == "extension" && d["itemId"]?.ToString() == itemId)];
            if (requests.Count > 0)
            {
                Assert.Contains("2027-06-30", pending.CardText, StringComparison.Ordinal);
            }
        }
        while (requests.Count == 0 && DateTimeOffset.UtcNow < deadline);
        Assert.NotEmpty(requests);

        // Undo in text: a sure report on the second item, then "撤销" takes it back.
        var secondId = ItemId(await MeetingAsync(bot, meetingId), second);
        seen = Seen(playground);
        await playground.PostToBotAsUserAsync(endpoint, chat, Megan, $"{second} 受阻：资金未到位");
        await NextAsync(playground, seen, m => m.ConversationId == chat && m.CardText.Contains("reply.undo", StringComparison.Ordinal));
        await PollAsync(bot, meetingId, m => Department(m, secondId)["status"]?.ToString() == "blocked");
        seen = Seen(playground);
        await playground.PostToBotAsUserAsync(endpoint, chat, Megan, $"{second} 撤销");
        var undone = await NextAsync(playground, seen, m => m.ConversationId == chat && !string.IsNullOrEmpty(m.Text));
        Assert.Contains("已撤销", undone.Text, StringComparison.Ordinal);
        await PollAsync(bot, meetingId, m => Department(m, secondId)["status"]?.ToString() is null or "notStarted" && Department(m, secondId)["reports"]?.GetValue<int>() == 2);
    }

    /// <summary>The answer says it in the language the playground's user has (zh-CN or en-US).</summary>
    private static void AssertSays(JsonNode? answer, string chinese, string english)
    {
        var text = answer?.ToJsonString(Readable) ?? string.Empty;
        Assert.True(text.Contains(chinese, StringComparison.Ordinal) || text.Contains(english, StringComparison.Ordinal), text);
    }

    /// <summary>Imports and publishes the seed speech as the organiser; returns the meeting and Megan's 1:1 chat with her checklist.</summary>
    private static async Task<(string MeetingId, string Chat)> PublishSeedAsync(BotApplication bot, AgentsPlayground playground)
    {
        var groupChat = playground.Config["groupChats"]![0]!["id"]!.ToString();
        await playground.SendAsync(groupChat, "help", fromUserId: Megan, mentionBot: true);
        await playground.WaitForBotMessageAsync(m => m.ConversationId == groupChat);

        var speech = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        await playground.SendAsync(playground.PersonalChatId, speech);
        var review = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && m.CardText.Contains("draft.publish", StringComparison.Ordinal));
        var meetingId = SeedLoopThroughPlaygroundTests.FindData(review.Cards.Single(), "draft.publish")!["meetingId"]!.ToString();
        await playground.InvokeAsync(playground.PersonalChatId, review.MessageId!, "draft.publish",
            new JsonObject { ["verb"] = "draft.publish", ["meetingId"] = meetingId, ["page"] = "0" });
        var checklist = await playground.WaitForBotMessageAsync(
            m => m.CardText.Contains("progress.report", StringComparison.Ordinal) && m.CardText.Contains("市委宣传部", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        _ = bot;
        return (meetingId, checklist.ConversationId);
    }

    /// <summary>The bot messages so far, by action and id: what a later wait must not take for a new answer.</summary>
    private static HashSet<string> Seen(AgentsPlayground playground) => [.. playground.BotMessages().Select(m => m.Action + ":" + m.MessageId)];

    private static async Task<PlaygroundMessage> NextAsync(AgentsPlayground playground, HashSet<string> seen, Func<PlaygroundMessage, bool> match) =>
        await playground.WaitForBotMessageAsync(m => !seen.Contains(m.Action + ":" + m.MessageId) && match(m), TimeSpan.FromSeconds(30));

    /// <summary>Waits until the stored meeting satisfies the condition (the projection is applied off the request path).</summary>
    private static async Task PollAsync(BotApplication bot, string meetingId, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonNode meeting;
        do
        {
            meeting = await MeetingAsync(bot, meetingId);
            if (condition(meeting))
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("The stored meeting did not reach the expected state:\n" + meeting.ToJsonString(Readable)[..Math.Min(3000, meeting.ToJsonString(Readable).Length)]);
    }

    private static async Task<JsonNode> MeetingAsync(BotApplication bot, string meetingId)
    {
        var path = Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "meeting.json");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return (await JsonNode.ParseAsync(stream))!;
    }

    private static JsonNode Item(JsonNode meeting, string itemId) => meeting["items"]!.AsArray().Single(i => i!["id"]!.ToString() == itemId)!;

    private static string ItemId(JsonNode meeting, int number) => meeting["items"]!.AsArray().Single(i => i!["number"]?.GetValue<int>() == number)!["id"]!.ToString();

    private static JsonNode Department(JsonNode meeting, string itemId) =>
        Item(meeting, itemId)["departments"]!.AsArray().Single(d => d!["department"]!.ToString() == "市委宣传部")!;

    private static int? ItemNumber(BotApplication bot, string meetingId, JsonObject data)
    {
        var meeting = JsonNode.Parse(File.ReadAllText(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!;
        return data["itemId"] is { } id ? Item(meeting, id.ToString())["number"]?.GetValue<int>() : null;
    }

    private static List<JsonObject> AllData(JsonNode? node, string verb) => CardActions.DataOf(node, verb);
}
