using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Progress;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpBot.IntegrationTests.Progress;

/// <summary>
/// Free-text replies in-process against a scripted connector, on the local folder store: a sure reply is stored, an
/// unsure one gets the status picker and stores nothing until a tap, the tap stores exactly what was confirmed (an
/// extension with its date), stale or foreign taps are refused, "撤销" undoes, and a reply naming no item defaults to
/// the item the conversation was last asked about.
/// </summary>
public sealed class FreeTextRepliesTests : IAsyncLifetime
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private const string Other = "00000000-0000-0000-0000-0000000000023";
    private const string MeganChat = "a:chat-1";
    private const string Department = "市委宣传部";
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task ASureReplyIsStoredAtOnce()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);

        await PostAsync(client, Message(Megan, MeganChat, $"{items[0].Number} 已完成，材料已报送"));

        var record = Assert.Single(await RecordsAsync(app, meetingId, items[0].Id));
        Assert.Equal("completionRequest", record["kind"]!.ToString());
        Assert.Contains("reply.undo", LastCardTo(MeganChat), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnsureReplyShowsThePickerAndStoresNothingUntilTheTapThenExactlyWhatWasConfirmed()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);
        var item = items[0];
        var text = $"{item.Number} 不好意思拖了几天，争取下周三前弄完";

        await PostAsync(client, Message(Megan, MeganChat, text));

        var picker = LastCardTo(MeganChat);
        Assert.Contains("请确认办理状态", picker, StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(app, meetingId, item.Id));

        // Megan taps 申请延期 with a date she picked: Teams merges the card's inputs into the button's data.
        var data = PickerButton(picker, "extension");
        data["due_" + item.Id] = "2027-02-26";
        data["note_" + item.Id] = text;
        using var answer = await PostAsync(client, Invoke(Megan, MeganChat, "progress.report", data));
        var body = await answer.Content.ReadAsStringAsync();

        Assert.Contains("2027-02-26", body, StringComparison.Ordinal);
        var record = Assert.Single(await RecordsAsync(app, meetingId, item.Id));
        Assert.Equal("extensionRequest", record["kind"]!.ToString());
        Assert.Equal("2027-02-26", record["due"]!.ToString());
        Assert.Equal(text, record["note"]!.ToString());
        Assert.Equal(Megan, record["by"]!["aadObjectId"]!.ToString());
    }

    [Fact]
    public async Task AnExtensionTapWithoutADateOrWithAPastDateIsRefusedAndStoresNothing()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);
        var item = items[0];
        await PostAsync(client, Message(Megan, MeganChat, $"{item.Number} 收到，马上落实"));
        var data = PickerButton(LastCardTo(MeganChat), "extension");

        using var noDate = await PostAsync(client, Invoke(Megan, MeganChat, "progress.report", data.DeepClone().AsObject()));
        data["due_" + item.Id] = "2020-01-01";
        using var past = await PostAsync(client, Invoke(Megan, MeganChat, "progress.report", data));

        Assert.Contains("pick the new due date", await noDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("must be after today", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(app, meetingId, item.Id));
    }

    [Fact]
    public async Task AStalePickerOrOneTappedBySomeoneElseIsRefusedAndStoresNothing()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);
        var item = items[0];
        await PostAsync(client, Message(Megan, MeganChat, $"{item.Number} 收到，马上落实"));
        var tap = PickerButton(LastCardTo(MeganChat), "inProgress");

        // Another department's contact presses Megan's picker: not theirs.
        using var foreign = await PostAsync(client, Invoke(Other, "a:chat-3", "progress.report", tap.DeepClone().AsObject()));
        Assert.Contains("not a contact of this item", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(app, meetingId, item.Id));

        // The item changes after the picker was shown (a sure report): the old picker is stale.
        await PostAsync(client, Message(Megan, MeganChat, $"{item.Number} 已完成"));
        await WaitForProjectionAsync(app, meetingId, item.Id, reports: 1);
        using var stale = await PostAsync(client, Invoke(Megan, MeganChat, "progress.report", tap));

        Assert.Contains("changed since the card was shown", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await RecordsAsync(app, meetingId, item.Id));
    }

    [Fact]
    public async Task AnUnsureReplyWithoutAnItemAsksWhichItemThenShowsThePickerForTheChosenOne()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);
        var text = "不好意思拖了几天，争取下周三前弄完";

        await PostAsync(client, Message(Megan, MeganChat, text));
        var which = JsonNode.Parse(LastCardTo(MeganChat))!;
        var pick = AllData(which, "reply.pick").First(d => d["itemId"]!.ToString() == items[1].Id);
        Assert.Equal("true", pick["confirm"]!.ToString());
        pick[ProgressReplyCommand.TextInput] = text;
        using var answer = await PostAsync(client, Invoke(Megan, MeganChat, "reply.pick", pick));
        var picker = await answer.Content.ReadAsStringAsync();

        Assert.Contains("Please confirm the status", picker, StringComparison.Ordinal);
        Assert.Contains("due_" + items[1].Id, picker, StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(app, meetingId, items[1].Id));
    }

    [Fact]
    public async Task AReplyTheParserFailsOnIsNotLostTheSenderChoosesTheItemAndStatusWithTheirTextKept()
    {
        // A fault inside the parser (as a regex engine bug once threw on "push the date to Friday") must not fail the turn.
        using var app = new BotApplication(services: s => s.AddSingleton(sp => new ReplyReader(
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ReplyReader>>(),
            (_, _) => throw new InvalidOperationException("a rule's bug"))));
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);
        var text = $"{items[0].Number} 已完成，材料已报送";

        using var answer = await PostAsync(client, Message(Megan, MeganChat, text));

        Assert.True(answer.IsSuccessStatusCode, answer.StatusCode.ToString());
        var pick = AllData(JsonNode.Parse(LastCardTo(MeganChat))!, "reply.pick").First(d => d["itemId"]!.ToString() == items[0].Id);
        Assert.Equal("true", pick["confirm"]!.ToString());
        Assert.Contains(text, LastCardTo(MeganChat), StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(app, meetingId, items[0].Id));
    }

    [Fact]
    public async Task UndoInTextTakesBackTheSendersLastReportOnTheItem()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);
        var item = items[0];
        await PostAsync(client, Message(Megan, MeganChat, $"{item.Number} 进展60%，方案已报审"));
        await WaitForProjectionAsync(app, meetingId, item.Id, reports: 1);
        await PostAsync(client, Message(Megan, MeganChat, $"{item.Number} 受阻：资金未到位"));
        await WaitForProjectionAsync(app, meetingId, item.Id, reports: 2);

        await PostAsync(client, Message(Megan, MeganChat, $"{item.Number} 撤销"));

        Assert.Contains("已撤销", LastTextTo(MeganChat), StringComparison.Ordinal);
        var state = await WaitForProjectionAsync(app, meetingId, item.Id, reports: 3);
        Assert.Equal("inProgress", state["status"]!.ToString());
        Assert.Equal(60, state["percent"]!.GetValue<int>());
    }

    [Fact]
    public async Task UndoInTextWithNothingOfTheSendersToUndoSaysSoAndStoresNothing()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);

        await PostAsync(client, Message(Megan, MeganChat, $"{items[0].Number} undo", locale: "en-US"));

        Assert.Contains($"no report on item {items[0].Number} to undo", LastTextTo(MeganChat), StringComparison.Ordinal);
        Assert.Empty(await RecordsAsync(app, meetingId, items[0].Id));
    }

    [Fact]
    public async Task AReplyNamingNoItemDefaultsToTheItemTheConversationWasLastAskedAbout()
    {
        using var app = new BotApplication();
        using var client = app.CreateClient();
        var (meetingId, items) = await PublishSeedAsync(app, client);
        // The checklist named several items, so there is no default yet: the reply is asked about.
        await PostAsync(client, Message(Megan, MeganChat, "已完成，材料已报送"));
        Assert.Contains("reply.pick", LastCardTo(MeganChat), StringComparison.Ordinal);

        // A reminder about exactly one item (recorded as the reminder sender does after a send).
        await app.Services.GetRequiredService<LastAskedItems>().RecordAsync("tenant-1", MeganChat, [new ItemReference(meetingId, items[1].Id)]);
        await PostAsync(client, Message(Megan, MeganChat, "已完成，材料已报送"));

        var record = Assert.Single(await RecordsAsync(app, meetingId, items[1].Id));
        Assert.Equal("completionRequest", record["kind"]!.ToString());
        Assert.Empty(await RecordsAsync(app, meetingId, items[0].Id));
    }

    /// <summary>Publishes the seed; returns the meeting and Megan's department's items (at least two).</summary>
    private async Task<(string MeetingId, List<(string Id, int Number)> Items)> PublishSeedAsync(BotApplication app, HttpClient client)
    {
        for (var n = 1; n <= 5; n++)
        {
            await PostAsync(client, Message($"00000000-0000-0000-0000-000000000002{n}", $"a:chat-{n}", "help"));
        }

        var speech = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        await PostAsync(client, Message(Organiser, "a:organiser", speech));
        var meetingId = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings"))).Split('/')[^1];
        await PostAsync(client, Invoke(Organiser, "a:organiser", "draft.publish", new JsonObject { ["meetingId"] = meetingId, ["page"] = "0" }));
        for (var i = 0; i < 200 && !_connector.Requests.Any(r => To(r, MeganChat) && r.Body.Contains("progress.report", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
        }

        var meeting = await MeetingAsync(app, meetingId);
        var items = meeting["items"]!.AsArray().Where(i => i!["lead"]!.AsArray().Any(l => l!.ToString() == Department))
            .Select(i => (i!["id"]!.ToString(), i["number"]!.GetValue<int>())).ToList();
        Assert.True(items.Count >= 2, "The seed gives 市委宣传部 at least two items.");
        return (meetingId, items);
    }

    private static async Task<JsonNode> MeetingAsync(BotApplication app, string meetingId) =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!;

    private static async Task<List<JsonNode>> RecordsAsync(BotApplication app, string meetingId, string itemId)
    {
        var folder = Path.Combine(app.DataPath, "blobs", "meetings", meetingId, "progress", itemId);
        return !Directory.Exists(folder) ? [] : [.. await Task.WhenAll(Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(async f => JsonNode.Parse(await File.ReadAllTextAsync(f))!))];
    }

    /// <summary>The department's state on the item once the projector applied that many reports (it runs off the request path).</summary>
    private static async Task<JsonNode> WaitForProjectionAsync(BotApplication app, string meetingId, string itemId, int reports)
    {
        for (var i = 0; i < 200; i++)
        {
            var meeting = await MeetingAsync(app, meetingId);
            var state = meeting["items"]!.AsArray().Single(n => n!["id"]!.ToString() == itemId)!["departments"]!.AsArray().Single(d => d!["department"]!.ToString() == Department)!;
            if (state["reports"]?.GetValue<int>() >= reports)
            {
                return state;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The projection did not reach {reports} reports.");
    }

    private string LastCardTo(string conversationId) =>
        JsonNode.Parse(LastTo(conversationId, r => r.Body.Contains("attachments", StringComparison.Ordinal)))!["attachments"]![0]!["content"]!.ToJsonString(Readable);

    private string LastTextTo(string conversationId) =>
        JsonNode.Parse(LastTo(conversationId, r => !r.Body.Contains("attachments", StringComparison.Ordinal)))!["text"]!.ToString();

    private string LastTo(string conversationId, Func<RecordedRequest, bool> match) =>
        _connector.Requests.Last(r => r.Method == "POST" && To(r, conversationId) && match(r)).Body;

    private static bool To(RecordedRequest request, string conversationId) =>
        request.Path.Contains(conversationId + "/activities", StringComparison.Ordinal) || request.Path.Contains(Uri.EscapeDataString(conversationId) + "/activities", StringComparison.Ordinal);

    /// <summary>The data of the picker button that submits this status.</summary>
    private static JsonObject PickerButton(string card, string status)
    {
        var button = AllData(JsonNode.Parse(card), "progress.report").Single(d => d.Any(p => p.Key.StartsWith("status_", StringComparison.Ordinal) && p.Value!.ToString() == status));
        Assert.Equal("picker", button["source"]!.ToString());
        return button;
    }

    private static List<JsonObject> AllData(JsonNode? node, string verb) => CardActions.DataOf(node, verb);

    private JsonObject Message(string aadObjectId, string conversationId, string? text, string locale = "zh-CN") =>
        TestActivities.Message(_connector.ServiceUrl, aadObjectId, conversationId, text, locale);

    private JsonObject Invoke(string aadObjectId, string conversationId, string verb, JsonObject data) =>
        TestActivities.Invoke(_connector.ServiceUrl, aadObjectId, conversationId, verb, data);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity) => TestActivities.PostOkAsync(client, activity);
}
