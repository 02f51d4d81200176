using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUpBot.Departments;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.IntegrationTests.Reminders;

/// <summary>
/// Two bot instances on one Azurite (blobs and the queue), the scheduler nudging six contacts every 15 seconds,
/// a fake Bot Connector on loopback counting what arrives. The first instance leads and is stopped mid-run;
/// the second takes over the lease (15 s) and the queue. Every slot arrives once, and none is skipped.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class MultiInstanceReminderTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Tenant = "tenant-mi";
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TwoInstancesSendEverySlotExactlyOnceAndTheSurvivorTakesOverWhenTheLeaderStops()
    {
        await using var azurite = await Azurite.StartAsync(withQueue: true);
        await using var connector = await FakeConnector.StartAsync();
        var container = "mi" + Guid.NewGuid().ToString("N")[..12];
        IBlobStore store = AzureBlobStore.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Container = container });
        var contacts = await SeedAsync(store, connector.ServiceUrl);
        var calendar = Path.Combine(Path.GetTempPath(), $"calendar-{container}.json");
        // Every day around now is a working day, whatever day the test runs on.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await File.WriteAllTextAsync(calendar, JsonSerializer.Serialize(new { holidays = Array.Empty<string>(), workdays = Enumerable.Range(-3, 7).Select(d => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:LocalPath"] = null,
            ["Storage:Container"] = container,
            ["Storage:Queue"] = container,
            ["FollowUp:DirectoryPath"] = string.Empty,
            ["FollowUp:CalendarPath"] = calendar,
            ["Reminders:Cron"] = "*/15 * * * * *",
            ["Reminders:QuietHours"] = string.Empty,
            ["Reminders:Tick"] = "00:00:01",
            ["Reminders:LeaseDuration"] = "00:00:15",
        };

        try
        {
            var started = DateTimeOffset.UtcNow;
            var first = new BotApplication(settings);
            _ = first.Services;
            await WaitForAsync(() => Deliveries(connector).Count > 0, TimeSpan.FromSeconds(20));
            using var second = new BotApplication(settings);
            _ = second.Services;

            await Task.Delay(TimeSpan.FromSeconds(20));
            await first.DisposeAsync();
            var leaderStopped = DateTimeOffset.UtcNow;

            await Task.Delay(TimeSpan.FromSeconds(28));
            var checkedUntil = DateTimeOffset.UtcNow;
            // Let the survivor finish what it has claimed, then stop it.
            await WaitForAsync(async () => await UnsentAsync(store) == 0, TimeSpan.FromSeconds(10));
            await second.DisposeAsync();

            var deliveries = Deliveries(connector);
            var doubled = deliveries.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
            Assert.Empty(doubled);

            var lastDue = Floor(checkedUntil - TimeSpan.FromSeconds(6));
            foreach (var contact in contacts)
            {
                var slots = deliveries.Where(d => d.Conversation == Conversation(contact)).Select(d => d.Slot).Order(StringComparer.Ordinal).ToList();
                Assert.NotEmpty(slots);
                // The first slot is the latest one due at start (caught up once); from there every 15 s, no gap.
                var expected = new List<string>();
                for (var at = Floor(started); at <= lastDue; at += Every)
                {
                    expected.Add(SlotKey(at));
                }

                Assert.Equal(expected, slots.Where(s => string.CompareOrdinal(s, SlotKey(lastDue)) <= 0));
            }

            output.WriteLine($"{deliveries.Count} deliveries, {deliveries.Distinct().Count()} distinct (recipient, slot), {contacts.Count} recipients, slots {deliveries.Min(d => d.Slot)} … {deliveries.Max(d => d.Slot)}; leader stopped at {leaderStopped:HH:mm:ss}Z");

            // The survivor led after the leader stopped: slots after that arrived.
            Assert.Contains(deliveries, d => string.CompareOrdinal(d.Slot, SlotKey(Floor(leaderStopped) + Every)) >= 0);
            Assert.Equal(0, await UnsentAsync(store));
        }
        finally
        {
            File.Delete(calendar);
        }
    }

    private static async Task<List<string>> SeedAsync(IBlobStore store, string serviceUrl)
    {
        var departments = new[] { "规划局", "财政局", "住建局" };
        var directory = new DepartmentDirectory([.. departments.Select((d, n) => new Department(d, null, [new Contact($"aad-{n}a", $"{d}甲"), new Contact($"aad-{n}b", $"{d}乙")], null))]);
        await new DirectoryStore(store, TimeProvider.System).SeedAsync(directory);
        var contacts = directory.Departments.SelectMany(d => d.Contacts).Select(c => c.AadObjectId).ToList();
        foreach (var aad in contacts)
        {
            var reference = new ConversationReferenceDocument
            {
                TenantId = Tenant,
                ServiceUrl = serviceUrl,
                ConversationId = Conversation(aad),
                ConversationType = "personal",
                BotId = "28:bot",
                UserId = "29:" + aad,
                UserAadObjectId = aad,
                Locale = "zh-CN",
                Updated = DateTimeOffset.UtcNow,
            };
            await store.PutAsync(BlobNames.Conversation(Tenant, aad), BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(reference, ConversationReferenceJson.Default.ConversationReferenceDocument)), BlobCondition.CreateOnly);
        }

        var ledger = new MeetingLedger(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        await ledger.CreateMeetingAsync(new MeetingDocument
        {
            Id = "m-mi",
            TenantId = Tenant,
            Title = "多实例测试会议",
            State = MeetingState.Published,
            TimeZone = "Asia/Shanghai",
            Organiser = new Person("org", "Organiser"),
            PublishedAt = DateTimeOffset.UtcNow.AddHours(-1),
            Items = [.. departments.Select((d, n) => new MeetingItem { Id = $"i{n + 1}", Number = n + 1, Task = $"{d}的任务", Lead = [d] })],
        }, "原文");
        return contacts;
    }

    private static async Task<int> UnsentAsync(IBlobStore store)
    {
        var unsent = 0;
        await foreach (var entry in store.ListAsync("reminders/"))
        {
            var marker = await store.GetDocumentAsync(entry.Name, LedgerJsonContext.Default.ReminderMarker);
            if (marker?.Document.State != ReminderMarkerState.Sent)
            {
                unsent++;
            }
        }

        return unsent;
    }

    private static List<(string Conversation, string Slot)> Deliveries(FakeConnector connector) =>
        [.. connector.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal))
            .Select(r => (Conversation: Uri.UnescapeDataString(r.Path.Split('/')[^2]), Match: SlotId().Match(r.Body)))
            .Where(r => r.Match.Success)
            .Select(r => (r.Conversation, r.Match.Groups["slot"].Value))];

    private static string Conversation(string aad) => "a:conv-" + aad;

    /// <summary>The slot key of a 15-second occurrence, in the meeting's zone (Asia/Shanghai, UTC+8).</summary>
    private static string SlotKey(DateTimeOffset at)
    {
        var local = at.ToOffset(TimeSpan.FromHours(8)).DateTime;
        return FollowUpBot.Reminders.ReminderPlanner.SlotKey(FollowUpBot.Reminders.ReminderKind.Cron, local);
    }

    private static DateTimeOffset Floor(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % Every.Ticks, TimeSpan.Zero);

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout) => await WaitForAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!await condition() && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"reminder-(?<slot>\d{4}-\d{2}-\d{2}-cron-\d{4,6})", RegexOptions.CultureInvariant)]
    private static partial Regex SlotId();
}
