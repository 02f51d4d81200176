using System.Text.Json;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Reminders;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowUpBot.IntegrationTests.Reminders;

/// <summary>The sender against a scripted connector: a throttled send comes back and goes out; an unreachable contact is recorded for the organiser.</summary>
public sealed class ReminderSenderTests
{
    private const string Tenant = "tenant-s";

    [Fact]
    public async Task AThrottledSendIsRetriedAfterRetryAfterAndAnUnreachableContactIsRecordedForTheOrganiser()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Script(new ScriptedAnswer(429, "{\"error\":{\"code\":\"Throttled\",\"message\":\"slow down\"}}", 1), new ScriptedAnswer(201, "{\"id\":\"msg-1\"}"));
        using var app = new BotApplication(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false", ["FollowUp:DirectoryPath"] = string.Empty });
        var services = app.Services;
        var store = services.GetRequiredService<IBlobStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var sender = services.GetServices<IHostedService>().OfType<ReminderSender>().Single();
        var queue = services.GetRequiredService<IReminderQueue>();
        // With Reminders:Enabled false the instance does not register as a sender by itself; alone, its share starts at once.
        Assert.Equal(1, (await services.GetRequiredService<SenderRoster>().RefreshAsync()).Senders);
        await services.GetRequiredService<DirectoryStore>().SeedAsync(new DepartmentDirectory([new Department("规划局", null, [new Contact("aad-ok", "能联系上"), new Contact("aad-gone", "联系不上")], null)]));
        var reference = new ConversationReferenceDocument { TenantId = Tenant, ServiceUrl = connector.ServiceUrl, ConversationId = "a:ok", ConversationType = "personal", UserId = "29:ok", UserAadObjectId = "aad-ok", BotId = "28:bot" };
        await store.PutAsync(BlobNames.Conversation(Tenant, "aad-ok"), BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(reference, ConversationReferenceJson.Default.ConversationReferenceDocument)), BlobCondition.CreateOnly);
        var ledger = services.GetRequiredService<MeetingLedger>();
        await ledger.CreateMeetingAsync(new MeetingDocument
        {
            Id = "m-s",
            TenantId = Tenant,
            Title = "发送测试",
            State = MeetingState.Published,
            TimeZone = "Asia/Shanghai",
            Organiser = new Person("org", "Organiser"),
            PublishedAt = time.GetUtcNow().AddDays(-1),
            Items = [new MeetingItem { Id = "i1", Number = 1, Task = "规划局的任务", Lead = ["规划局"] }],
        }, "原文");

        foreach (var aad in new[] { "aad-ok", "aad-gone" })
        {
            var claim = await store.TryClaimAsync(new ReminderMarker { TenantId = Tenant, RecipientAadId = aad, SlotKey = "2026-11-26-due" }, time);
            await sender.ProcessAsync(new ReceivedSend(new ReminderSend(Tenant, aad, null, ReminderKind.Due, "2026-11-26-due", "Asia/Shanghai", claim!.ETag, [new DigestItem("m-s", "i1", "规划局")], ["m-s"])), CancellationToken.None);
        }

        // The 429 put the send back on the queue with its Retry-After; it comes back and goes out.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var retried = Assert.Single(await queue.ReceiveAsync(10, wait.Token));
        Assert.Equal(("aad-ok", 1), (retried.Send.RecipientAadId, retried.Send.Attempt));
        await sender.ProcessAsync(retried, CancellationToken.None);

        var sent = await store.GetDocumentAsync(BlobNames.Reminder(Tenant, "aad-ok", "2026-11-26-due"), LedgerJsonContext.Default.ReminderMarker);
        Assert.Equal((ReminderMarkerState.Sent, "msg-1"), (sent!.Document.State, sent.Document.MessageId));
        Assert.Equal(2, connector.Requests.Count(r => r.Path.EndsWith("/activities", StringComparison.Ordinal)));

        var gone = await store.GetDocumentAsync(BlobNames.Reminder(Tenant, "aad-gone", "2026-11-26-due"), LedgerJsonContext.Default.ReminderMarker);
        Assert.Equal((ReminderMarkerState.Unreachable, "NoConversationReference"), (gone!.Document.State, gone.Document.Failure));
        var meeting = (await ledger.GetMeetingAsync("m-s"))!.Document;
        var recorded = Assert.Single(meeting.FindItem("i1")!.FindDepartment("规划局")!.Unreachable!);
        Assert.Equal(("aad-gone", "NoConversationReference"), (recorded.AadObjectId, recorded.Reason));

        // The organiser hears of it at the next full hour.
        var inputs = new ReminderInputs
        {
            Meetings = [meeting],
            Directory = await services.GetRequiredService<DirectoryStore>().GetAsync(),
            Defaults = new RemindersOptions { QuietHours = null, Cron = string.Empty }.Defaults("Asia/Shanghai"),
            Calendar = new WorkingCalendar([], Enumerable.Range(-2, 5).Select(d => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(d))),
        };
        var told = ReminderPlanner.Plan(inputs, recorded.At.AddHours(1)).Where(d => d.RecipientAadId == "org").ToList();
        Assert.Equal(ReminderKind.Unreachable, Assert.Single(told).Kind);
    }
}
