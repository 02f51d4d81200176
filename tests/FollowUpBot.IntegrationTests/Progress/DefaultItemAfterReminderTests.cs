using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpBot.Departments;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Progress;
using FollowUpBot.Reminders;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowUpBot.IntegrationTests.Progress;

/// <summary>
/// A reminder about one item, sent by the real sender to a scripted connector, makes that item the default of the
/// contact's next reply that names none; a reminder about several items leaves none (the bot asks which item).
/// </summary>
public sealed class DefaultItemAfterReminderTests
{
    private const string Tenant = "tenant-d";
    private const string Contact = "aad-planner";
    private const string Chat = "a:planner";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AReplyRightAfterAReminderAboutOneItemIsAboutThatItem(bool reminderNamesBothItems)
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new BotApplication(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false", ["FollowUp:DirectoryPath"] = string.Empty });
        var services = app.Services;
        var store = services.GetRequiredService<IBlobStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var sender = services.GetServices<IHostedService>().OfType<ReminderSender>().Single();
        Assert.Equal(1, (await services.GetRequiredService<SenderRoster>().RefreshAsync()).Senders);
        await services.GetRequiredService<DirectoryStore>().SeedAsync(new DepartmentDirectory([new Department("规划局", null, [new Contact(Contact, "规划局联系人")], null)]));
        var reference = new ConversationReferenceDocument { TenantId = Tenant, ServiceUrl = connector.ServiceUrl, ConversationId = Chat, ConversationType = "personal", UserId = "29:planner", UserAadObjectId = Contact, BotId = "28:bot" };
        await store.PutAsync(BlobNames.Conversation(Tenant, Contact), BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(reference, ConversationReferenceJson.Default.ConversationReferenceDocument)), BlobCondition.CreateOnly);
        var ledger = services.GetRequiredService<MeetingLedger>();
        await ledger.CreateMeetingAsync(new MeetingDocument
        {
            Id = "m-d",
            TenantId = Tenant,
            Title = "默认事项",
            State = MeetingState.Published,
            TimeZone = "Asia/Shanghai",
            Organiser = new Person("org", "Organiser"),
            PublishedAt = time.GetUtcNow().AddDays(-1),
            Items =
            [
                new MeetingItem { Id = "i1", Number = 1, Task = "编制实施方案", Lead = ["规划局"] },
                new MeetingItem { Id = "i2", Number = 2, Task = "完成选址论证", Lead = ["规划局"] },
            ],
        }, "原文");
        await ledger.SyncIndexAsync("m-d");

        // The reminder about item 2 (or about both) goes out through the sender.
        DigestItem[] items = reminderNamesBothItems ? [new("m-d", "i1", "规划局"), new("m-d", "i2", "规划局")] : [new("m-d", "i2", "规划局")];
        var claim = await store.TryClaimAsync(new ReminderMarker { TenantId = Tenant, RecipientAadId = Contact, SlotKey = "2026-11-26-due" }, time);
        await sender.ProcessAsync(new ReceivedSend(new ReminderSend(Tenant, Contact, null, ReminderKind.Due, "2026-11-26-due", "Asia/Shanghai", claim!.ETag, [.. items], ["m-d"])), CancellationToken.None);
        var marker = await store.GetDocumentAsync(BlobNames.Reminder(Tenant, Contact, "2026-11-26-due"), LedgerJsonContext.Default.ReminderMarker);
        Assert.Equal(ReminderMarkerState.Sent, marker!.Document.State);

        using var client = app.CreateClient();
        var reply = await client.PostAsync("/api/messages", new StringContent(Message(connector.ServiceUrl, "已完成，材料已报送").ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        var recorded = Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings", "m-d", "progress"))
            ? Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings", "m-d", "progress")).Select(Path.GetFileName).ToList()
            : [];
        if (reminderNamesBothItems)
        {
            Assert.Empty(recorded);
            Assert.Contains(connector.Requests, r => r.Path.EndsWith("/activities", StringComparison.Ordinal) && r.Body.Contains("reply.pick", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(["i2"], recorded);
        }
    }

    private static JsonObject Message(string serviceUrl, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["locale"] = "zh-CN",
        ["from"] = new JsonObject { ["id"] = "29:planner", ["name"] = "规划局联系人", ["aadObjectId"] = Contact },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUpBot" },
        ["conversation"] = new JsonObject { ["id"] = Chat, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["text"] = text,
    };
}
