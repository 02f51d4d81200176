using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.IntegrationTests.Hardening;

/// <summary>
/// Failures that used to vanish: each is logged (with the blob or roster it concerns), told to the organiser where
/// it touches their meeting, and isolated, so the other meetings, rosters and references keep working.
/// </summary>
public sealed class VisibleFailuresTests : IAsyncLifetime, IDisposable
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private readonly ListLoggerProvider _logs = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Theory]
    [InlineData("en-US", "could not be read")]
    [InlineData("zh-CN", "无法读取")]
    public async Task AnUnreadableMeetingIsLoggedAndNamedWhenOpenedWhileTheOverviewCountsFromTheIndex(string locale, string warning)
    {
        using var app = App();
        using var client = app.CreateClient();
        // Three meetings indexed while readable; then two of their documents go bad (a torn write, a newer schema).
        var fixture = File.ReadAllText(RepoPaths.Fixture("summaries/meeting.json"));
        foreach (var id in (string[])["m-q4", "m-broken", "m-future"])
        {
            StoreMeeting(app, id, fixture.Replace("\"m-q4\"", $"\"{id}\"", StringComparison.Ordinal));
        }

        await IndexStoredMeetingsAsync(app, "m-q4", "m-broken", "m-future");
        StoreMeeting(app, "m-broken", "{\"schema\":1,\"id\":\"m-broken\",\"items\":[");
        StoreMeeting(app, "m-future", "{\"schema\":99,\"id\":\"m-future\"}");

        await PostAsync(client, Message("summary all", locale));
        var overview = LastCardTo("a:organiser");
        await PostAsync(client, Message("summary 第四季度", locale));
        var summary = LastCardTo("a:organiser");
        await PostAsync(client, Message("summary m-broken", locale));
        var broken = LastCardTo("a:organiser");
        await PostAsync(client, Message("summary m-future", locale));
        var future = LastCardTo("a:organiser");

        // The overview counts from index/meetings.json and reads no meeting: all three are on it with their indexed counts.
        foreach (var id in (string[])["m-q4", "m-broken", "m-future"])
        {
            Assert.Contains($"\"meetingId\":\"{id}\"", overview, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(warning, overview, StringComparison.Ordinal);
        Assert.Contains("2026年第四季度重点工作推进会", summary, StringComparison.Ordinal);
        // A one-meeting summary reads only that meeting (no ledger scan per message); asked for a broken one, it names it.
        Assert.DoesNotContain("meetings/m-broken/meeting.json", summary, StringComparison.Ordinal);
        Assert.Contains("meetings/m-broken/meeting.json", broken, StringComparison.Ordinal);
        Assert.Contains(warning, broken, StringComparison.Ordinal);
        Assert.Contains("meetings/m-future/meeting.json", future, StringComparison.Ordinal);
        Assert.Contains(_logs.Find("meetings/m-broken/meeting.json", LogLevel.Error), l => l.Exception is not null);
        Assert.NotEmpty(_logs.Find("meetings/m-future/meeting.json", LogLevel.Error));
    }

    [Fact]
    public async Task ARosterTheConnectorRefusesIsLoggedAndTheOtherRostersAreStillRead()
    {
        await using var refusing = await FakeConnector.StartAsync();
        refusing.Script(new ScriptedAnswer(403, "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is not part of the conversation roster.\"}}"));
        var members = JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("rest/response-get-paged-members.docs.json")))!.AsObject();
        members.Remove("continuationToken");
        _connector.Script(new ScriptedAnswer(200, members.ToJsonString()));
        using var app = App();
        var references = app.Services.GetRequiredService<ConversationReferenceStore>();
        await references.SaveAsync(TeamEvent(refusing.ServiceUrl, "19:refusing@thread.tacv2", "team-refusing"));
        await references.SaveAsync(TeamEvent(_connector.ServiceUrl, "19:reading@thread.tacv2", "team-reading"));

        await app.Services.GetRequiredService<RosterService>().RefreshTenantAsync("tenant-1");

        Assert.Contains(_logs.Find("team-refusing"), l => l.Message.Contains("BotNotInConversation", StringComparison.Ordinal));
        // John Patterson, a member of the team whose roster could be read, can now be messaged 1:1.
        Assert.NotNull(await references.GetAsync("tenant-1", "76b0b09f-d410-48fd-993e-84da521a597b"));
    }

    [Fact]
    public async Task ARosterReadFailingWhenTheBotJoinsATeamIsLoggedAndTheActivityAcknowledged()
    {
        _connector.Script(new ScriptedAnswer(403, "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"no\"}}"));
        using var app = App();
        using var client = app.CreateClient();
        var joined = JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("activities/conversationUpdate-membersAdded-bot-added-to-team.docs.json")))!.AsObject();
        joined["serviceUrl"] = _connector.ServiceUrl;

        await PostAsync(client, joined);

        Assert.Contains(_logs.Find("Reading the roster of"), l => l.Message.Contains("BotNotInConversation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReferenceGivenUpAfterFiveLostRacesIsLoggedAndOtherConversationsAreSaved()
    {
        var root = Directory.CreateTempSubdirectory("followup-races-").FullName;
        try
        {
            var store = new AlwaysLosesRaces(new LocalBlobStore(root), "conversations/tenant-1/a~3Acontested.json");
            var references = new ConversationReferenceStore(store, TimeProvider.System, _logs.For<ConversationReferenceStore>());
            await store.Inner.PutAsync("conversations/tenant-1/a~3Acontested.json", BinaryData.FromString("{\"schema\":1,\"tenantId\":\"tenant-1\",\"serviceUrl\":\"https://smba.trafficmanager.net/amer/\",\"conversationId\":\"a:contested\",\"conversationType\":\"channel\"}"), BlobCondition.CreateOnly);

            await references.SaveAsync(ChannelMessage("a:contested"));
            await references.SaveAsync(ChannelMessage("a:calm"));

            Assert.Equal(5, store.Refused);
            Assert.Single(_logs.Find("Gave up saving conversation reference conversations/tenant-1/a~3Acontested.json after 5 lost races"));
            Assert.NotNull(await references.GetAsync("tenant-1", "a:calm"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task AnUnreadableReferenceIsLoggedAndSkippedWhileTheOthersAreListed()
    {
        using var app = App();
        var references = app.Services.GetRequiredService<ConversationReferenceStore>();
        await references.SaveAsync(ChannelMessage("a:good"));
        var bad = Path.Combine(app.DataPath, "blobs", "conversations", "tenant-1", "a~3Abad.json");
        await File.WriteAllTextAsync(bad, "{\"schema\":");

        var listed = new List<ConversationReferenceDocument>();
        await foreach (var reference in references.ListAsync("tenant-1"))
        {
            listed.Add(reference);
        }

        Assert.Equal("a:good", Assert.Single(listed).ConversationId);
        Assert.Single(_logs.Find("conversations/tenant-1/a~3Abad.json", LogLevel.Error));
    }

    private BotApplication App() => new(
        new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" },
        services: s => s.AddSingleton<ILoggerProvider>(_logs));

    /// <summary>Meetings written straight into the folder are indexed as the reconciler's rebuild would index them.</summary>
    internal static async Task IndexStoredMeetingsAsync(BotApplication app, params string[] meetingIds)
    {
        var ledger = app.Services.GetRequiredService<MeetingLedger>();
        var meetings = new List<MeetingDocument>();
        foreach (var id in meetingIds)
        {
            meetings.Add((await ledger.GetMeetingAsync(id))!.Document);
        }

        await ledger.Index.RebuildAsync(meetings);
    }

    private static void StoreMeeting(BotApplication app, string meetingId, string json)
    {
        var folder = Path.Combine(app.DataPath, "blobs", "meetings", meetingId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "meeting.json"), json);
    }

    /// <summary>The JSON of the last card the bot sent to a conversation, with Chinese as written.</summary>
    private string LastCardTo(string conversationId)
    {
        var request = _connector.Requests.Last(r => r.Method == "POST" && r.Path.Contains(conversationId + "/activities", StringComparison.Ordinal));
        return JsonNode.Parse(request.Body)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private JsonObject Message(string text, string locale) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["serviceUrl"] = _connector.ServiceUrl,
        ["channelId"] = "msteams",
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:organiser", ["name"] = "Organiser", ["aadObjectId"] = Organiser },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUpBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:organiser", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["text"] = text,
    };

    private static Activity TeamEvent(string serviceUrl, string channelId, string teamId) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = channelId, ConversationType = "channel", TenantId = "tenant-1" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        ChannelData = new TeamsChannelData { Tenant = new IdName { Id = "tenant-1" }, Team = new TeamInfo { Id = teamId } },
    };

    private static Activity ChannelMessage(string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "channel", TenantId = "tenant-1" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        ChannelData = new TeamsChannelData { Tenant = new IdName { Id = "tenant-1" }, Team = new TeamInfo { Id = "team-" + conversationId } },
    };

    private static async Task PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A store where every conditional write of one blob loses its race, as if another writer always got there first.</summary>
    private sealed class AlwaysLosesRaces(IBlobStore inner, string contested) : IBlobStore
    {
        public IBlobStore Inner => inner;

        public int Refused { get; private set; }

        public Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken = default) => inner.GetAsync(name, cancellationToken);

        public Task<string> PutAsync(string name, BinaryData content, BlobCondition condition, CancellationToken cancellationToken = default)
        {
            if (name == contested)
            {
                Refused++;
                throw new BlobConflictException(name, condition);
            }

            return inner.PutAsync(name, content, condition, cancellationToken);
        }

        public IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, ifMatch, cancellationToken);

        public Task<string?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default) => inner.TryAcquireLeaseAsync(name, duration, cancellationToken);

        public Task<bool> RenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => inner.RenewLeaseAsync(name, leaseId, cancellationToken);

        public Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => inner.ReleaseLeaseAsync(name, leaseId, cancellationToken);
    }
}
