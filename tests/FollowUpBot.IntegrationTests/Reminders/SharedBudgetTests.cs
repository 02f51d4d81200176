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
/// Two bot instances on one Azurite (blobs and the queue) and a burst of 200 due-date reminders, sent to a fake
/// Bot Connector that records when each call arrives. The first instance sends alone at the whole budget, the
/// second joins mid-burst; both send, and together they stay within one Reminders:GlobalPerSecond: no one-second
/// window at the connector holds more, every reminder arrives, and none arrives twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SharedBudgetTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Tenant = "tenant-budget";
    private const int Recipients = 200;
    private const int GlobalPerSecond = 20;

    [Fact]
    public async Task TwoInstancesTogetherStayWithinOneSendBudgetAndSendEveryReminderOnce()
    {
        await using var azurite = await Azurite.StartAsync(withQueue: true);
        await using var connector = await FakeConnector.StartAsync();
        var container = "sb" + Guid.NewGuid().ToString("N")[..12];
        IBlobStore store = AzureBlobStore.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Container = container });
        await SeedAsync(store, connector.ServiceUrl);
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
            ["Reminders:Cron"] = string.Empty,
            ["Reminders:EscalateAfterDays"] = "0",
            ["Reminders:QuietHours"] = string.Empty,
            ["Reminders:Tick"] = "00:00:01",
            ["Reminders:LeaseDuration"] = "00:00:15",
            ["Reminders:GlobalPerSecond"] = GlobalPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Reminders:SenderHeartbeat"] = "00:00:01",
            ["Logging:LogLevel:FollowUpBot.Reminders.SenderRosterService"] = "Information",
        };

        try
        {
            // The first instance starts alone and sends at the whole budget; the second joins mid-burst.
            using var first = new BotApplication(settings);
            _ = first.Services;
            await WaitForAsync(() => Deliveries(connector).Count >= 30, TimeSpan.FromMinutes(1));
            using var second = new BotApplication(settings);
            _ = second.Services;

            await WaitForAsync(() => Deliveries(connector).Select(d => d.Key).Distinct().Count() >= Recipients, TimeSpan.FromMinutes(2));
            await WaitForAsync(async () => await SentByAsync(store) is { Unsent: 0 }, TimeSpan.FromSeconds(30));
            await first.DisposeAsync();
            await second.DisposeAsync();

            var deliveries = Deliveries(connector);
            var calls = connector.Requests.Where(r => r.Method == "POST").Select(r => r.At).Order().ToList();
            var busiest = calls.Select((at, i) => calls.Skip(i).TakeWhile(t => t - at < TimeSpan.FromSeconds(1)).Count()).Max();
            var window = calls[^1] - calls[0];
            var (sentBy, unsent) = await SentByAsync(store);
            output.WriteLine($"{deliveries.Count} deliveries ({deliveries.Select(d => d.Key).Distinct().Count()} distinct) in {window.TotalSeconds:F1} s = {calls.Count / window.TotalSeconds:F1} calls/s; busiest one-second window {busiest} calls; budget {GlobalPerSecond}/s; sent by {string.Join(", ", sentBy.Select(p => $"{p.Key}: {p.Value}"))}");

            var byInstance = await InstanceOfAsync(store);
            foreach (var group in deliveries.GroupBy(d => byInstance.GetValueOrDefault(d.Key, "?")))
            {
                var times = group.Select(d => d.At).Order().ToList();
                var most = times.Select((at, i) => times.Skip(i).TakeWhile(t => t - at < TimeSpan.FromSeconds(1)).Count()).Max();
                var start = times.Select((at, i) => (at, n: times.Skip(i).TakeWhile(t => t - at < TimeSpan.FromSeconds(1)).Count())).MaxBy(p => p.n).at;
                output.WriteLine($"{group.Key}: {times.Count} sends, first {times[0]:HH:mm:ss.fff}, busiest second {most} from {start:HH:mm:ss.fff}");
            }

            Assert.Equal(Recipients, deliveries.Select(d => d.Key).Distinct().Count());
            Assert.Empty(deliveries.GroupBy(d => d.Key).Where(g => g.Count() > 1).Select(g => g.Key));
            Assert.Equal(0, unsent);
            Assert.True(busiest <= GlobalPerSecond, $"{busiest} calls in one second, budget {GlobalPerSecond}");
            // Both instances sent (the queue is shared), so the budget was really split, not used by one.
            Assert.Equal(2, sentBy.Count);
        }
        finally
        {
            File.Delete(calendar);
        }
    }

    private static async Task SeedAsync(IBlobStore store, string serviceUrl)
    {
        var names = Enumerable.Range(0, Recipients).Select(n => (Department: $"单位{n:D3}", Aad: $"aad-{n:D3}")).ToList();
        await new DirectoryStore(store, TimeProvider.System).SeedAsync(new DepartmentDirectory([.. names.Select(n => new Department(n.Department, null, [new Contact(n.Aad, n.Department + "联系人")], null))]));
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (n, ct) =>
            new ValueTask(SeededConversations.PutAsync(store, Tenant, serviceUrl, n.Aad, "a:conv-" + n.Aad, DateTimeOffset.UtcNow, BlobCondition.CreateOnly, ct)));

        var ledger = new MeetingLedger(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var overdue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        foreach (var (chunk, index) in names.Chunk(100).Select((c, i) => (c, i)))
        {
            await ledger.CreateMeetingAsync(new MeetingDocument
            {
                Id = $"budget-{index}",
                TenantId = Tenant,
                Title = $"预算测试会议 {index}",
                State = MeetingState.Published,
                TimeZone = "Asia/Shanghai",
                Organiser = new Person("org", "Organiser"),
                PublishedAt = DateTimeOffset.UtcNow.AddDays(-3),
                Items = [.. chunk.Select((n, i) => new MeetingItem { Id = $"i{i + 1}", Number = i + 1, Task = $"{n.Department}的任务", Lead = [n.Department], Due = overdue })],
            }, "原文");
        }
    }

    /// <summary>Sent markers per sending instance (the claim's holder), and how many are not sent.</summary>
    private static async Task<(Dictionary<string, int> SentBy, int Unsent)> SentByAsync(IBlobStore store)
    {
        var sentBy = new Dictionary<string, int>(StringComparer.Ordinal);
        var unsent = 0;
        var markers = 0;
        await foreach (var entry in store.ListAsync("reminders/"))
        {
            markers++;
            var marker = await store.GetDocumentAsync(entry.Name, LedgerJsonContext.Default.ReminderMarker);
            if (marker?.Document is { State: ReminderMarkerState.Sent, ClaimedBy: { } by })
            {
                sentBy[by] = sentBy.GetValueOrDefault(by) + 1;
            }
            else
            {
                unsent++;
            }
        }

        return (sentBy, unsent + Math.Max(0, Recipients - markers));
    }

    private static async Task<Dictionary<string, string>> InstanceOfAsync(IBlobStore store)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entry in store.ListAsync("reminders/"))
        {
            if (await store.GetDocumentAsync(entry.Name, LedgerJsonContext.Default.ReminderMarker) is { Document: var marker })
            {
                map["a:conv-" + marker.RecipientAadId + "|" + marker.SlotKey] = marker.ClaimedBy ?? "?";
            }
        }

        return map;
    }

    private static List<(string Key, DateTime At)> Deliveries(FakeConnector connector) =>
        [.. connector.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/activities", StringComparison.Ordinal))
            .Select(r => (Conversation: Uri.UnescapeDataString(r.Path.Split('/')[^2]), Match: SlotId().Match(r.Body), r.At))
            .Where(r => r.Match.Success)
            .Select(r => (r.Conversation + "|" + r.Match.Groups["slot"].Value, r.At))];

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout) => await WaitForAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var until = new CancellationTokenSource(timeout);
        while (!await condition() && !until.IsCancellationRequested)
        {
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"reminder-(?<slot>\d{4}-\d{2}-\d{2}-[a-z]+(?:-\d{4,6})?)", RegexOptions.CultureInvariant)]
    private static partial Regex SlotId();
}
