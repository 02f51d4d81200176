using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUpBot.Departments;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Reminders;

/// <summary>
/// Two bot instances on one Azurite (blobs and the queue) and one simulated clock (FakeTimeProvider), the scheduler
/// nudging six contacts every 15 seconds, a fake Bot Connector on loopback recording what arrives. The first
/// instance leads and is stopped after three slots; the second takes over the lease and the queue. Every slot
/// arrives once, and none is skipped. The test moves the clock on only as far as the instances have caught up
/// (each slot claimed before the next falls due), so it takes seconds, not the minute and a half it simulates.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class MultiInstanceReminderTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Tenant = "tenant-mi";
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    /// <summary>A Wednesday, 10:00:05 in Shanghai (a working day in the shipped 2026 calendar).</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 4, 2, 0, 5, TimeSpan.Zero);

    [Fact]
    public async Task TwoInstancesSendEverySlotExactlyOnceAndTheSurvivorTakesOverWhenTheLeaderStops()
    {
        await using var azurite = await Azurite.StartAsync(withQueue: true);
        await using var connector = await FakeConnector.StartAsync();
        var container = "mi" + Guid.NewGuid().ToString("N")[..12];
        IBlobStore store = AzureBlobStore.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Container = container });
        var time = new FakeTimeProvider(Start);
        var contacts = await SeedAsync(store, connector.ServiceUrl, time);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:LocalPath"] = null,
            ["Storage:Container"] = container,
            ["Storage:Queue"] = container,
            ["FollowUp:DirectoryPath"] = string.Empty,
            ["Reminders:Cron"] = "*/15 * * * * *",
            ["Reminders:QuietHours"] = string.Empty,
            ["Reminders:Tick"] = "00:00:01",
            ["Reminders:LeaseDuration"] = "00:00:15",
            ["Reminders:SenderHeartbeat"] = "00:00:05",
        };
        void Clock(IServiceCollection services) => services.AddSingleton<TimeProvider>(time);
        var slots = Enumerable.Range(0, 6).Select(k => Floor(Start) + k * Every).ToList();

        var first = new BotApplication(settings, services: Clock);
        _ = first.Services;
        await RunUntilAsync(time, () => ClaimedAsync(store, contacts, slots[0]), slots[0] + Every - TimeSpan.FromSeconds(1));
        using var second = new BotApplication(settings, services: Clock);
        _ = second.Services;
        for (var k = 1; k < 3; k++)
        {
            await RunUntilAsync(time, () => ClaimedAsync(store, contacts, slots[k]), slots[k] + Every - TimeSpan.FromSeconds(1));
        }

        // The leader stops (its sends under way finish, its lease is released); the survivor leads from here.
        var stopping = first.DisposeAsync().AsTask();
        await RunUntilAsync(time, () => Task.FromResult(stopping.IsCompleted), slots[2] + Every - TimeSpan.FromSeconds(1));
        var leaderStopped = time.GetUtcNow();
        for (var k = 3; k < slots.Count; k++)
        {
            await RunUntilAsync(time, () => ClaimedAsync(store, contacts, slots[k]), slots[k] + Every - TimeSpan.FromSeconds(1));
        }

        await RunUntilAsync(time, async () => Deliveries(connector).Count >= contacts.Count * slots.Count && await UnsentAsync(store) == 0, slots[^1] + Every - TimeSpan.FromSeconds(1));
        var survivorStopping = second.DisposeAsync().AsTask();
        await RunUntilAsync(time, () => Task.FromResult(survivorStopping.IsCompleted), time.GetUtcNow() + Every);

        var deliveries = Deliveries(connector);
        var doubled = deliveries.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.Empty(doubled);
        foreach (var contact in contacts)
        {
            // The first slot is the latest one due at start (caught up once); from there every 15 s, no gap, none extra.
            var received = deliveries.Where(d => d.Conversation == Conversation(contact)).Select(d => d.Slot).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(slots.Select(SlotKey), received);
        }

        output.WriteLine($"{deliveries.Count} deliveries, {deliveries.Distinct().Count()} distinct (recipient, slot), {contacts.Count} recipients, slots {deliveries.Min(d => d.Slot)} … {deliveries.Max(d => d.Slot)}; leader stopped at {leaderStopped:HH:mm:ss}Z (simulated), {time.GetUtcNow() - Start} simulated in all");
        Assert.True(leaderStopped < slots[3], "the leader stopped before the survivor's first slot");
        Assert.Equal(0, await UnsentAsync(store));
    }

    /// <summary>
    /// Moves the simulated clock on, a quarter second at a time, while the instances work, until <paramref name="done"/>;
    /// never past <paramref name="cap"/> (a slot must be claimed before the next one falls due).
    /// </summary>
    private static async Task RunUntilAsync(FakeTimeProvider time, Func<Task<bool>> done, DateTimeOffset cap)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await done())
        {
            Assert.False(giveUp.IsCancellationRequested, $"still waiting at {time.GetUtcNow():HH:mm:ss.fff}Z (simulated)");
            if (time.GetUtcNow() + TimeSpan.FromMilliseconds(250) <= cap)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
            }

            // Real time for the instances to act on the tick just given.
            await Task.Delay(20);
        }
    }

    private static async Task<bool> ClaimedAsync(IBlobStore store, IReadOnlyList<string> contacts, DateTimeOffset slot)
    {
        foreach (var contact in contacts)
        {
            if (await store.GetAsync(BlobNames.Reminder(Tenant, contact, SlotKey(slot))) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<List<string>> SeedAsync(IBlobStore store, string serviceUrl, TimeProvider time)
    {
        var departments = new[] { "规划局", "财政局", "住建局" };
        var directory = new DepartmentDirectory([.. departments.Select((d, n) => new Department(d, null, [new Contact($"aad-{n}a", $"{d}甲"), new Contact($"aad-{n}b", $"{d}乙")], null))]);
        await new DirectoryStore(store, time).SeedAsync(directory);
        var contacts = directory.Departments.SelectMany(d => d.Contacts).Select(c => c.AadObjectId).ToList();
        foreach (var aad in contacts)
        {
            await SeededConversations.PutAsync(store, Tenant, serviceUrl, aad, Conversation(aad), time.GetUtcNow(), BlobCondition.CreateOnly);
        }

        var ledger = new MeetingLedger(store, time, NullLogger<MeetingLedger>.Instance);
        await ledger.CreateMeetingAsync(new MeetingDocument
        {
            Id = "m-mi",
            TenantId = Tenant,
            Title = "多实例测试会议",
            State = MeetingState.Published,
            TimeZone = "Asia/Shanghai",
            Organiser = new Person("org", "Organiser"),
            PublishedAt = time.GetUtcNow().AddHours(-1),
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

    [GeneratedRegex(@"reminder-(?<slot>\d{4}-\d{2}-\d{2}-cron-\d{4,6})", RegexOptions.CultureInvariant)]
    private static partial Regex SlotId();
}
