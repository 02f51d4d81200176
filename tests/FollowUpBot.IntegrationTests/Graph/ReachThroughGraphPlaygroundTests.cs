using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FollowUpBot.Graph;
using FollowUpBot.IntegrationTests.Meetings;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Graph;

/// <summary>
/// Reaching contacts who never talked to the bot, and departments read from Entra ID, through the Agents Playground as
/// Teams and the Graph stand-in as Microsoft Graph: the bot installs the app for the contact, reads the chat Teams
/// opened (one the Playground knows) and sends there; where Teams has not opened it yet, the checklist waits for the
/// installation's conversationUpdate. A department synced from a group lets a new member report; a removed one is refused.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReachThroughGraphPlaygroundTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task ContactsWhoNeverSpokeToTheBotGetTheirChecklistAfterPublish()
    {
        await using var graph = await GraphStandIn.StartAsync();
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["FollowUp:TeamsAppCatalogId"] = graph.CatalogId,
        });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        var users = AddUsers(graph, playground);

        // Installing the app for Megan makes Teams open her chat with the bot: the stand-in answers one the Playground knows.
        var megan = users["user-id-1"];
        var meganChat = await OpenPersonalChatAsync(playground, "user-id-1");
        graph.Chats[megan] = meganChat;

        var meetingId = await ImportAndPublishSeedAsync(playground);

        var checklist = await playground.WaitForBotMessageAsync(m => m.ConversationId == meganChat && m.CardText.Contains("progress.report", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains("市委宣传部", checklist.CardText, StringComparison.Ordinal);
        Assert.Contains(graph.Requests, r => r.Method == "POST" && r.PathAndQuery.EndsWith($"/users/{megan}/teamwork/installedApps", StringComparison.Ordinal)
            && r.Body.Contains($"/appCatalogs/teamsApps/{graph.CatalogId}", StringComparison.Ordinal));

        // The others' chats are not open yet: the organiser is told the app is being installed for them, by name.
        var report = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && (m.Text ?? string.Empty).Contains("Megan Bowen", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var meeting = await ReadMeetingAsync(bot, meetingId);
        var waiting = meeting["undelivered"]!.AsArray().Where(u => u!["reason"]!.ToString() == "installing").Select(u => u!["recipient"]!.ToString()).ToList();
        Assert.NotEmpty(waiting);
        Assert.DoesNotContain(megan, waiting);
        foreach (var aad in waiting)
        {
            var name = playground.Config["users"]!.AsArray().Single(u => u!["aadObjectId"]!.ToString() == aad)!["name"]!.ToString();
            Assert.Contains(name, report.Text!, StringComparison.Ordinal);
        }

        // Teams then sends the installation's conversationUpdate for one of them: the waiting checklist goes out there.
        var next = waiting[0];
        var nextUser = users.Single(u => u.Value == next).Key;
        var nextChat = await OpenPersonalChatAsync(playground, nextUser);
        await PostConversationUpdateAsync(endpoint, playground, nextUser, nextChat);
        await playground.WaitForBotMessageAsync(m => m.ConversationId == nextChat && m.CardText.Contains("progress.report", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var after = await WaitForAsync(async () =>
        {
            var m = await ReadMeetingAsync(bot, meetingId);
            return m["deliveries"]!.AsArray().Any(d => d!["recipient"]!.ToString() == next) ? m : null;
        });
        Assert.DoesNotContain(after["undelivered"]!.AsArray(), u => u!["recipient"]?.ToString() == next);
        Assert.Equal(waiting.Count - 1, after["undelivered"]!.AsArray().Count(u => u!["reason"]!.ToString() == "installing"));
    }

    [Fact]
    public async Task ADepartmentSyncedFromAGroupLetsANewMemberReportAndRefusesARemovedOne()
    {
        await using var graph = await GraphStandIn.StartAsync();
        var directoryFile = Path.Combine(Directory.CreateTempSubdirectory("followup-directory-").FullName, "departments.json");
        var seedDirectory = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "departments.json")))!;
        var propaganda = seedDirectory["departments"]!.AsArray().Single(d => d!["name"]!.ToString() == "市委宣传部")!;
        propaganda["contacts"] = new JsonArray();
        propaganda["groupId"] = "group-propaganda";
        await File.WriteAllTextAsync(directoryFile, seedDirectory.ToJsonString(Readable));
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["FollowUp:TeamsAppCatalogId"] = graph.CatalogId,
            ["FollowUp:DirectoryPath"] = directoryFile,
        });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        var users = AddUsers(graph, playground);
        var megan = users["user-id-1"];
        graph.Groups["group-propaganda"] = [megan];
        graph.Chats[megan] = await OpenPersonalChatAsync(playground, "user-id-1");

        // The file seeds the directory at start; the sync then reads the group's members into it.
        await WaitForAsync(async () => (await File.ReadAllTextAsync(Path.Combine(bot.DataPath, "blobs", "directory", "departments.json"))).Contains("group-propaganda", StringComparison.Ordinal) ? "seeded" : null);
        var synchronizer = bot.Services.GetRequiredService<DirectorySynchronizer>();
        var synced = await synchronizer.SyncOnceAsync();
        Assert.Equal(1, synced.Synced["市委宣传部"]);

        var meetingId = await ImportAndPublishSeedAsync(playground);
        var checklist = await playground.WaitForBotMessageAsync(m => m.ConversationId == graph.Chats[megan] && m.CardText.Contains("progress.report", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var data = SeedLoopThroughPlaygroundTests.FindData(checklist.Cards.Single(), "progress.report")!.DeepClone().AsObject();
        var itemId = data["itemId"]!.ToString();
        data["status_" + itemId] = "inProgress";
        data["percent_" + itemId] = "30";
        data["note_" + itemId] = "组内新成员已开始起草";

        var answer = await playground.InvokeAsync(checklist.ConversationId, checklist.MessageId!, "progress.report", data, fromUserId: "user-id-1");
        Assert.Contains("组内新成员已开始起草", answer!.ToJsonString(Readable), StringComparison.Ordinal);
        var progress = Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "progress");
        Assert.Single(Directory.GetFiles(progress, "*.json", SearchOption.AllDirectories));

        // Megan leaves the group: after the next sync she is no longer the department's contact and her report is refused.
        graph.Groups["group-propaganda"] = [];
        Assert.Equal(0, (await synchronizer.SyncOnceAsync()).Synced["市委宣传部"]);
        data["note_" + itemId] = "离组后的报告";
        var refused = await playground.InvokeAsync(checklist.ConversationId, checklist.MessageId!, "progress.report", data, fromUserId: "user-id-1");
        Assert.DoesNotContain("离组后的报告", refused!.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(progress, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ThePublishReportNamesEveryContactWithTheReasonAndSendingAgainRetriesOnlyThose()
    {
        await using var graph = await GraphStandIn.StartAsync();
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["FollowUp:TeamsAppCatalogId"] = graph.CatalogId,
        });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        var users = AddUsers(graph, playground);
        graph.Chats[users["user-id-1"]] = await OpenPersonalChatAsync(playground, "user-id-1");
        graph.InstallFaults[users["user-id-2"]] = new GraphFault(403, "Forbidden");
        graph.InstallFaults[users["user-id-3"]] = new GraphFault(404, "Request_ResourceNotFound");
        graph.InstallFaults[users["user-id-4"]] = new GraphFault(429, "TooManyRequests", "3600");
        var expected = new Dictionary<string, (string Reason, string[] Report)>(StringComparer.Ordinal)
        {
            [users["user-id-2"]] = ("installForbidden", ["403", "TeamsAppInstallation.ReadWriteSelfForUser.All"]),
            [users["user-id-3"]] = ("userNotFound", ["404"]),
            [users["user-id-4"]] = ("throttled", ["429", "3600"]),
            [users["user-id-5"]] = ("installing", []),
        };

        var meetingId = await ImportAndPublishSeedAsync(playground);
        var report = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && (m.Text ?? string.Empty).Contains("Megan Bowen", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        var meeting = await ReadMeetingAsync(bot, meetingId);
        // (a department posting to its channel, whose team never had the bot, is reported as before and is left out here)
        var undelivered = meeting["undelivered"]!.AsArray().Where(u => u!["recipient"] is not null && !u["recipient"]!.ToString().StartsWith("channel:", StringComparison.Ordinal)).ToDictionary(u => u!["recipient"]!.ToString(), u => u!["reason"]!.ToString());
        Assert.Equal(["installForbidden", "throttled", "userNotFound"], undelivered.Values.Where(r => r != "installing").Distinct().Order());
        foreach (var (aad, reason) in undelivered)
        {
            Assert.Equal(expected[aad].Reason, reason);
            var line = report.Text!.Split('\n').Single(l => l.Contains(graph.Users[aad].Name, StringComparison.Ordinal));
            Assert.All(expected[aad].Report, part => Assert.Contains(part, line, StringComparison.Ordinal));
        }

        // The administrator grants consent for Adele; "Send to recipients not reached yet" tries only those not reached.
        var adele = users["user-id-2"];
        graph.InstallFaults.TryRemove(adele, out _);
        graph.Chats[adele] = await OpenPersonalChatAsync(playground, "user-id-2");
        var postsBefore = graph.Requests.Count(r => r.Method == "POST");
        var review = playground.BotMessages().First(m => m.ConversationId == playground.PersonalChatId && m.CardText.Contains("draft.publish", StringComparison.Ordinal));
        await playground.InvokeAsync(playground.PersonalChatId, review.MessageId!, "draft.publish",
            new JsonObject { ["verb"] = "draft.publish", ["meetingId"] = meetingId, ["page"] = "0" });

        await playground.WaitForBotMessageAsync(m => m.ConversationId == graph.Chats[adele] && m.CardText.Contains("progress.report", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var after = await WaitForAsync(async () =>
        {
            var m = await ReadMeetingAsync(bot, meetingId);
            return m["deliveries"]!.AsArray().Any(d => d!["recipient"]!.ToString() == adele) ? m : null;
        });
        var retried = graph.Requests.Where(r => r.Method == "POST").Skip(postsBefore).Select(r => r.PathAndQuery.Split('/')[3]).ToList();
        Assert.Equal(undelivered.Keys.Order(), retried.Order());
        Assert.DoesNotContain(users["user-id-1"], retried);
        Assert.Single(after["deliveries"]!.AsArray(), d => d!["recipient"]!.ToString() == users["user-id-1"]);
        Assert.DoesNotContain(after["undelivered"]!.AsArray(), u => u!["recipient"]?.ToString() == adele);
    }

    [Fact]
    public async Task AThrottledInstallationIsTriedAgainAfterRetryAfter()
    {
        await using var graph = await GraphStandIn.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["FollowUp:TeamsAppCatalogId"] = graph.CatalogId,
        }, services: s => s.AddSingleton<TimeProvider>(clock));
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        var users = AddUsers(graph, playground);
        var megan = users["user-id-1"];
        graph.Chats[megan] = await OpenPersonalChatAsync(playground, "user-id-1");
        graph.InstallFaults[megan] = new GraphFault(429, "TooManyRequests", "30");

        var meetingId = await ImportAndPublishSeedAsync(playground);
        var report = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && (m.Text ?? string.Empty).Contains("Megan Bowen", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains("429", report.Text!, StringComparison.Ordinal);
        Assert.Contains("30", report.Text!, StringComparison.Ordinal);
        Assert.Equal("throttled", (await ReadMeetingAsync(bot, meetingId))["undelivered"]!.AsArray().Single(u => u!["recipient"]?.ToString() == megan)!["reason"]!.ToString());

        // Graph lets the bot in again; once Retry-After has passed on the bot's clock, the installation is tried again and the checklist goes out.
        graph.InstallFaults.TryRemove(megan, out _);
        clock.Advance(TimeSpan.FromSeconds(29));
        clock.Advance(TimeSpan.FromSeconds(2));
        await playground.WaitForBotMessageAsync(m => m.ConversationId == graph.Chats[megan] && m.CardText.Contains("progress.report", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var after = await WaitForAsync(async () =>
        {
            var m = await ReadMeetingAsync(bot, meetingId);
            return m["deliveries"]!.AsArray().Any(d => d!["recipient"]!.ToString() == megan) ? m : null;
        });
        Assert.DoesNotContain(after["undelivered"]!.AsArray(), u => u!["recipient"]?.ToString() == megan);
    }

    [Fact]
    public async Task OrganisersKeepTheDirectoryInChat()
    {
        await using var graph = await GraphStandIn.StartAsync();
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["FollowUp:TeamsAppCatalogId"] = graph.CatalogId,
        });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        AddUsers(graph, playground);
        graph.Users["aad-new"] = ("新同事", "newcomer@contoso.com", null);
        graph.Users["aad-m1"] = ("融媒甲", "m1@contoso.com", null);
        graph.Users["aad-m2"] = ("融媒乙", "m2@contoso.com", null);
        graph.Groups["group-media"] = ["aad-m1", "aad-m2"];
        var blob = Path.Combine(bot.DataPath, "blobs", "directory", "departments.json");

        await playground.SendAsync(playground.PersonalChatId, "通讯录");
        var card = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && m.CardText.Contains("directory.add", StringComparison.Ordinal));
        Assert.Contains("Megan Bowen", card.CardText, StringComparison.Ordinal);

        static JsonObject Data(string verb, params (string Key, string Value)[] inputs)
        {
            var data = new JsonObject { ["verb"] = verb, ["page"] = "0" };
            foreach (var (key, value) in inputs)
            {
                data[key] = value;
            }

            return data;
        }

        // Add by email: Graph resolves it (GET /users/{upn}) and the contact is stored as added in chat.
        var added = (await playground.InvokeAsync(playground.PersonalChatId, card.MessageId!, "directory.add", Data("directory.add", ("addDepartment", "市委宣传部"), ("upn", "newcomer@contoso.com"))))!.ToJsonString(Readable);
        Assert.Contains("新同事", added, StringComparison.Ordinal);
        Assert.Contains(graph.Requests, r => r.PathAndQuery.StartsWith("/v1.0/users/newcomer@contoso.com", StringComparison.Ordinal));
        var stored = JsonNode.Parse(await File.ReadAllTextAsync(blob))!["departments"]!.AsArray().Single(d => d!["name"]!.ToString() == "市委宣传部")!;
        Assert.Equal("chat", stored["contacts"]!.AsArray().Single(c => c!["aadObjectId"]!.ToString() == "aad-new")!["source"]!.ToString());

        // An unknown address is said so; nothing changes.
        var unknown = (await playground.InvokeAsync(playground.PersonalChatId, card.MessageId!, "directory.add", Data("directory.add", ("addDepartment", "市委宣传部"), ("upn", "nobody@contoso.com"))))!.ToJsonString(Readable);
        Assert.Contains("nobody@contoso.com", unknown, StringComparison.Ordinal);

        // Someone who is not an organiser does not get the card.
        // (the Playground's message API speaks as its current user, so Adele's message is posted as Teams would send it)
        var adeleChat = await OpenPersonalChatAsync(playground, "user-id-2");
        await PostActivityAsync(endpoint, playground, "user-id-2", adeleChat, new JsonObject { ["type"] = "message", ["text"] = "通讯录", ["textFormat"] = "plain", ["locale"] = "zh-CN" });
        var refusal = await playground.WaitForBotMessageAsync(m => m.ConversationId == adeleChat);
        Assert.DoesNotContain("directory.add", refusal.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan Bowen", refusal.Text ?? string.Empty, StringComparison.Ordinal);

        // Remove.
        var removed = (await playground.InvokeAsync(playground.PersonalChatId, card.MessageId!, "directory.remove", Data("directory.remove", ("contact", "市委宣传部|aad-new"))))!.ToJsonString(Readable);
        Assert.DoesNotContain("newcomer@contoso.com", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("aad-new", await File.ReadAllTextAsync(blob), StringComparison.Ordinal);

        // Link a department to a group: its members are read at once.
        var linked = (await playground.InvokeAsync(playground.PersonalChatId, card.MessageId!, "directory.link", Data("directory.link", ("linkDepartment", "市融媒体中心"), ("groupId", "group-media"))))!.ToJsonString(Readable);
        Assert.Contains("group-media", linked, StringComparison.Ordinal);
        var media = JsonNode.Parse(await File.ReadAllTextAsync(blob))!["departments"]!.AsArray().Single(d => d!["name"]!.ToString() == "市融媒体中心")!;
        Assert.Equal("group-media", media["groupId"]!.ToString());
        Assert.Equal(["aad-m1", "aad-m2"], media["contacts"]!.AsArray().Where(c => c!["source"]?.ToString() == "group").Select(c => c!["aadObjectId"]!.ToString()));

        // A group Graph does not know is reported; the department keeps its contacts.
        var missing = (await playground.InvokeAsync(playground.PersonalChatId, card.MessageId!, "directory.link", Data("directory.link", ("linkDepartment", "市委组织部"), ("groupId", "no-such-group"))))!.ToJsonString(Readable);
        Assert.Contains("404", missing, StringComparison.Ordinal);
        Assert.Contains("Isaiah Langer", missing, StringComparison.Ordinal);
    }

    /// <summary>The Playground's users as Entra users of the stand-in; returns user id → Entra object id.</summary>
    private static Dictionary<string, string> AddUsers(GraphStandIn graph, AgentsPlayground playground)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in playground.Config["users"]!.AsArray())
        {
            var aad = user!["aadObjectId"]!.ToString();
            users[user["id"]!.ToString()] = aad;
            graph.Users[aad] = (user["name"]!.ToString(), user["id"] + "@contoso.com", null);
        }

        return users;
    }

    private static async Task<string> ImportAndPublishSeedAsync(AgentsPlayground playground)
    {
        var speech = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        await playground.SendAsync(playground.PersonalChatId, speech);
        var review = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && m.CardText.Contains("draft.publish", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var meetingId = SeedLoopThroughPlaygroundTests.FindData(review.Cards.Single(), "draft.publish")!["meetingId"]!.ToString();
        await playground.InvokeAsync(playground.PersonalChatId, review.MessageId!, "draft.publish",
            new JsonObject { ["verb"] = "draft.publish", ["meetingId"] = meetingId, ["page"] = "0" });
        return meetingId;
    }

    /// <summary>The 1:1 chat Teams opens between a user and the bot when the app is installed for them: made in the Playground's connector.</summary>
    private static async Task<string> OpenPersonalChatAsync(AgentsPlayground playground, string userId)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = playground.Config["bot"]!["id"]!.ToString() },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["tenantId"] = playground.TenantId,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = playground.TenantId } },
        };
        using var response = await playground.Http.PostAsJsonAsync("_connector/v3/conversations", body);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, answer);
        return JsonNode.Parse(answer)!["id"]!.ToString();
    }

    /// <summary>The conversationUpdate Teams sends when the app is installed in a user's personal scope.</summary>
    private static Task PostConversationUpdateAsync(Uri endpoint, AgentsPlayground playground, string userId, string conversationId)
    {
        var botAccount = new JsonObject { ["id"] = playground.Config["bot"]!["id"]!.ToString(), ["name"] = playground.Config["bot"]!["name"]!.ToString() };
        return PostActivityAsync(endpoint, playground, userId, conversationId, new JsonObject { ["type"] = "conversationUpdate", ["membersAdded"] = new JsonArray(botAccount) });
    }

    /// <summary>An activity from a Playground user in a personal chat, posted to the bot as Teams would, with the Playground as its connector.</summary>
    private static async Task PostActivityAsync(Uri endpoint, AgentsPlayground playground, string userId, string conversationId, JsonObject activity)
    {
        var user = playground.Config["users"]!.AsArray().Single(u => u!["id"]!.ToString() == userId)!;
        activity["id"] = Guid.NewGuid().ToString();
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        activity["serviceUrl"] = $"http://localhost:{playground.Port}/_connector";
        activity["channelId"] = "msteams";
        activity["from"] = new JsonObject { ["id"] = userId, ["name"] = user["name"]!.ToString(), ["aadObjectId"] = user["aadObjectId"]!.ToString() };
        activity["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = playground.TenantId };
        activity["recipient"] = new JsonObject { ["id"] = playground.Config["bot"]!["id"]!.ToString(), ["name"] = playground.Config["bot"]!["name"]!.ToString() };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = playground.TenantId } };
        using var http = new HttpClient();
        using var response = await http.PostAsync(endpoint, new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> ReadMeetingAsync(BotApplication bot, string meetingId) =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bot.DataPath, "blobs", "meetings", meetingId, "meeting.json")))!;

    /// <summary>Waits for a condition the app reaches in the background (a stored document), failing after a minute.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> condition)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                if (await condition() is { } value)
                {
                    return value;
                }
            }
            catch (IOException)
            {
                // The file is being replaced: read it again.
            }

            Assert.True(DateTime.UtcNow < deadline, "The expected state was not reached within a minute.");
            await Task.Delay(100);
        }
    }
}
