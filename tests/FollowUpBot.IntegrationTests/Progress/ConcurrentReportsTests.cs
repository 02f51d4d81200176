using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.IntegrationTests.Progress;

/// <summary>
/// 200 department contacts press "report" on their checklist card at the same moment, against two app
/// instances sharing one Azurite account, and Teams retries some of the invokes: the ledger must end up with
/// one record per report, and the projector must bring meeting.json (and the indexes) to the replay of those
/// records within five seconds. An instance stopped in the middle of the burst loses nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConcurrentReportsTests : IAsyncLifetime
{
    private const string Container = "load";
    private const string MeetingId = "m-load";
    private const int DepartmentCount = 20;
    private const int ContactsPerDepartment = 10;
    private const int ItemCount = DepartmentCount * ContactsPerDepartment / 2;
    private static readonly string[] Statuses = ["inProgress", "blocked", "completionRequested", "notStarted"];
    private Azurite _azurite = null!;
    private FakeConnector _connector = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(withQueue: true);
        _connector = await FakeConnector.StartAsync();
        _folder = Directory.CreateTempSubdirectory("followup-load-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Two hundred contacts in the directory file, their meeting stored, and the settings of an instance.</summary>
    private async Task<(List<Reporter> Reporters, MeetingDocument Original, Dictionary<string, string?> Settings)> PrepareAsync()
    {
        var reporters = Reporters();
        var directoryPath = Path.Combine(_folder, "departments.json");
        await File.WriteAllTextAsync(directoryPath, DirectoryJson(reporters));
        var original = await StoreMeetingAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:Container"] = Container,
            ["FollowUp:DirectoryPath"] = directoryPath,
        };
        return (reporters, original, settings);
    }

    [Fact]
    public async Task TwoHundredContactsReportingAtOnceAreEachStoredOnceAndTheItemStatesMatchTheRecords()
    {
        var (reporters, original, settings) = await PrepareAsync();
        using var first = new BotApplication(settings);
        using var second = new BotApplication(settings);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        var activities = reporters.Select(Invoke).ToList();
        // Teams retries an invoke it did not see answered in time: every tenth one arrives twice, at the other instance.
        var posts = activities.Select((a, i) => (Client: i % 2 == 0 ? firstClient : secondClient, Activity: a))
            .Concat(activities.Where((_, i) => i % 10 == 3).Select((a, i) => (Client: i % 2 == 0 ? secondClient : firstClient, Activity: a)))
            .ToList();
        var answers = await Task.WhenAll(posts.Select(p => PostAsync(p.Client, p.Activity)));

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.True(a.Body["statusCode"]!.GetValue<int>() == 200, a.Body.ToJsonString());
            Assert.Equal(200, a.Body["statusCode"]!.GetValue<int>());
            Assert.True(a.Body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive", a.Body.ToJsonString());
        });

        await AssertLedgerMatchesAsync(reporters, original, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AnInstanceStoppedMidBurstLosesNothing()
    {
        var (reporters, original, settings) = await PrepareAsync();
        // Records the stopped instance stored but had not applied are found through the change journal.
        settings["Storage:ReconcileInterval"] = "00:00:02";
        var first = new BotApplication(settings);
        using var second = new BotApplication(settings);
        var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        // Half the contacts reach the first instance, which stops once a few dozen of its answers are out.
        var activities = reporters.Select(Invoke).ToList();
        var answered = 0;
        using var stopped = new SemaphoreSlim(0);
        var posts = activities.Select(async (activity, i) =>
        {
            if (i % 2 == 1)
            {
                return (Activity: activity, Answer: await PostAsync(secondClient, activity));
            }

            try
            {
                var answer = await PostAsync(firstClient, activity);
                if (Interlocked.Increment(ref answered) == 30)
                {
                    stopped.Release();
                }

                return (Activity: activity, Answer: answer);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or IOException or JsonException)
            {
                return (Activity: activity, Answer: (Status: HttpStatusCode.ServiceUnavailable, Body: (JsonNode)new JsonObject()));
            }
        }).ToList();
        await stopped.WaitAsync(TimeSpan.FromSeconds(60));
        firstClient.Dispose();
        first.Dispose();
        var results = await Task.WhenAll(posts);

        // Teams sends again what was not answered with a card; the retries reach the instance still running.
        var unanswered = results.Where(r => r.Answer.Status != HttpStatusCode.OK || r.Answer.Body["type"]?.GetValue<string>() != "application/vnd.microsoft.card.adaptive").ToList();
        var retried = await Task.WhenAll(unanswered.Select(r => PostAsync(secondClient, r.Activity)));
        Assert.All(retried, a => Assert.Equal("application/vnd.microsoft.card.adaptive", a.Body["type"]!.GetValue<string>()));

        // What the stopped instance stored but had not applied, the reconciler applies from the change journal; a message
        // it had taken from the queue comes back after its visibility timeout (10 s).
        await AssertLedgerMatchesAsync(reporters, original, TimeSpan.FromSeconds(30));
    }

    /// <summary>One record per reporter, and meeting.json and the pending index equal to the replay of the records within <paramref name="within"/>.</summary>
    private async Task AssertLedgerMatchesAsync(List<Reporter> reporters, MeetingDocument original, TimeSpan within)
    {
        var container = new BlobContainerClient(_azurite.ConnectionString, Container);
        var records = new List<(string Key, ProgressRecord Record)>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobNames.ProgressPrefix(MeetingId) }))
        {
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content;
            records.Add((MeetingProjection.KeyOf(blob.Name), content.ToObjectFromJson(LedgerJsonContext.Default.ProgressRecord)!));
        }

        Assert.Equal(reporters.Count, records.Count);
        Assert.Equal(
            reporters.Select(r => $"{r.ItemId}/{r.Department}/{r.AadObjectId}").Order(StringComparer.Ordinal),
            records.Select(r => $"{r.Record.ItemId}/{r.Record.Department}/{r.Record.By.AadObjectId}").Order(StringComparer.Ordinal));

        var replayed = MeetingProjection.Replay(original, records);
        var expected = replayed.Items.Select(Canonical).ToList();
        var stored = await Eventually.WaitForAsync(
            async () => (await container.GetBlobClient(BlobNames.Meeting(MeetingId)).DownloadContentAsync()).Value.Content.ToObjectFromJson(LedgerJsonContext.Default.MeetingDocument),
            m => m is not null && m.Items.Select(Canonical).SequenceEqual(expected),
            within,
            "meeting.json to equal the replay of the stored records");
        // Not vacuous: every item moved from its initial state, and both of its departments reported once.
        Assert.All(stored.Items, i => Assert.All(i.Departments, d => Assert.Equal(1, d.Reports)));

        // The organisers' pending list follows the projection: every completion request of the replay, nothing else.
        var pendingExpected = LedgerIndex.PendingEntries(replayed).Select(p => $"{p.ItemId}/{p.Department}/{p.Record}").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pendingExpected);
        await Eventually.WaitForAsync(
            async () => (await container.GetBlobClient(BlobNames.PendingIndex).DownloadContentAsync()).Value.Content.ToObjectFromJson(LedgerJsonContext.Default.PendingIndexDocument),
            p => p is not null && p.Requests.Select(r => $"{r.ItemId}/{r.Department}/{r.Record}").Order(StringComparer.Ordinal).SequenceEqual(pendingExpected),
            TimeSpan.FromSeconds(5),
            "index/pending.json to list the replay's completion requests");
    }

    /// <summary>Each contact gets its own (item, department) pair: item k is led by department k mod 20 and supported by department (k + 10) mod 20.</summary>
    private static List<Reporter> Reporters()
    {
        var pairs = Enumerable.Range(1, ItemCount)
            .SelectMany(k => new[] { (ItemId: $"i{k}", Department: DepartmentName(k % DepartmentCount)), (ItemId: $"i{k}", Department: DepartmentName((k + 10) % DepartmentCount)) });
        return [.. pairs.GroupBy(p => p.Department, StringComparer.Ordinal)
            .SelectMany(g => g.Select((p, contact) => new Reporter(
                p.ItemId,
                p.Department,
                string.Create(CultureInfo.InvariantCulture, $"{DepartmentIndex(g.Key):D8}-0000-4000-8000-{contact:D12}"),
                string.Create(CultureInfo.InvariantCulture, $"{g.Key}联络员{contact}"))))];
    }

    private static string DepartmentName(int index) => string.Create(CultureInfo.InvariantCulture, $"市第{index + 1:D2}局");

    private static int DepartmentIndex(string name) => int.Parse(name.AsSpan(2, 2), CultureInfo.InvariantCulture);

    private static string DirectoryJson(IReadOnlyList<Reporter> reporters)
    {
        var departments = new JsonArray([.. reporters.GroupBy(r => r.Department, StringComparer.Ordinal).Select(g => (JsonNode)new JsonObject
        {
            ["name"] = g.Key,
            ["aliases"] = new JsonArray(),
            ["contacts"] = new JsonArray([.. g.Select(r => (JsonNode)new JsonObject { ["aadObjectId"] = r.AadObjectId, ["name"] = r.Name })]),
        })]);
        return new JsonObject { ["departments"] = departments }.ToJsonString();
    }

    private async Task<MeetingDocument> StoreMeetingAsync()
    {
        var store = AzureBlobStore.Create(new StorageOptions { ConnectionString = _azurite.ConnectionString, Container = Container });
        var ledger = new MeetingLedger(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var meeting = new MeetingDocument
        {
            Id = MeetingId,
            Title = "重点工作推进会",
            State = MeetingState.Published,
            TimeZone = "Asia/Shanghai",
            MeetingDate = new DateOnly(2026, 11, 20),
            Items = [.. Enumerable.Range(1, ItemCount).Select(k => new MeetingItem
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"i{k}"),
                Number = k,
                Task = string.Create(CultureInfo.InvariantCulture, $"推进第{k}项重点工作"),
                Lead = [DepartmentName(k % DepartmentCount)],
                Support = [DepartmentName((k + 10) % DepartmentCount)],
                Due = new DateOnly(2026, 12, 31),
            })],
        };
        return (await ledger.CreateMeetingAsync(meeting, "load test")).Document;
    }

    private JsonObject Invoke(Reporter reporter, int index)
    {
        var status = Statuses[index % Statuses.Length];
        var data = new JsonObject
        {
            ["verb"] = "progress.report",
            ["meetingId"] = MeetingId,
            ["itemId"] = reporter.ItemId,
            ["department"] = reporter.Department,
            [$"status_{reporter.ItemId}"] = status,
            [$"percent_{reporter.ItemId}"] = (index * 7 % 101).ToString(CultureInfo.InvariantCulture),
            [$"note_{reporter.ItemId}"] = $"{reporter.Name}：第{index}次报送",
        };
        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = string.Create(CultureInfo.InvariantCulture, $"f:load-{index:D4}"),
            ["timestamp"] = "2026-11-26T02:00:00.000Z",
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["locale"] = "zh-CN",
            ["replyToId"] = string.Create(CultureInfo.InvariantCulture, $"17000000{index:D5}"),
            ["from"] = new JsonObject { ["id"] = "29:user-" + reporter.AadObjectId, ["aadObjectId"] = reporter.AadObjectId, ["name"] = reporter.Name },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUp" },
            ["conversation"] = new JsonObject { ["id"] = "a:personal-" + reporter.AadObjectId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "progress.report", ["data"] = data },
                ["trigger"] = "manual",
            },
        };
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, JsonObject activity)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>An item as JSON with its applied-record list sorted: group commits apply records in arrival order, a replay in name order.</summary>
    private static string Canonical(MeetingItem item) =>
        JsonSerializer.Serialize(item with { Applied = [.. item.Applied.Order(StringComparer.Ordinal)] }, LedgerJsonContext.Default.MeetingItem);

    private sealed record Reporter(string ItemId, string Department, string AadObjectId, string Name);
}
