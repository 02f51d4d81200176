using System.Globalization;
using System.Text.Json.Nodes;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// <c>scale</c>: does a report cost more when the ledger is large? Three bots on Kestrel, each on its own Azurite
/// container holding 1, 100 or 1,000 published meetings of 10 items (up to 10,000 items, over 50 departments), get the
/// same free-text report ("1 推进中 60% …") from a department contact whose own open item is in one of them; requests go
/// round-robin, one at a time, so the three share the machine's noise. The older meetings are written as blobs and
/// indexed once (as the reconciler's rebuild does); the contact's meeting through the ledger. Prints p50 of each and
/// <c>scale: p50_growth=…</c> (1,000 meetings / 1 meeting; target ≤ 1.2).
/// Arguments: <c>--requests N</c> (200 per size) <c>--warmup N</c> (20) <c>--sizes a,b,c</c> (1,100,1000).
/// </summary>
internal sealed class ScaleBenchmark : IBenchmark
{
    private const string Department = "市审计局";
    private const string ContactId = "00000000-0000-4000-8000-0000000000d1";
    private const int ItemsPerMeeting = 10;
    private const int OtherDepartments = 50;

    public string Name => "scale";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var requests = BenchHosts.Option(args, "--requests", 200);
        var warmup = BenchHosts.Option(args, "--warmup", 20);
        var at = Array.IndexOf(args, "--sizes");
        int[] sizes = at >= 0 ? [.. args[at + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] : [1, 100, 1000];

        await using var azurite = await Azurite.StartAsync(withQueue: true, cancellationToken).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("followup-scale-bench-").FullName;
        var bots = new List<BotHost>();
        try
        {
            var directoryPath = Path.Combine(folder, "departments.json");
            await File.WriteAllTextAsync(directoryPath, DirectoryJson(), cancellationToken).ConfigureAwait(false);
            await using var connector = await BenchHosts.StartConnectorAsync(cancellationToken).ConfigureAwait(false);
            var serviceUrl = connector.Urls.First().TrimEnd('/') + "/connector/";

            var urls = new List<Uri>();
            foreach (var size in sizes)
            {
                var container = string.Create(CultureInfo.InvariantCulture, $"scale{size}");
                await SeedAsync(new StorageOptions { ConnectionString = azurite.ConnectionString, Container = container }, size, cancellationToken).ConfigureAwait(false);
                var bot = new BotHost(new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                    ["Storage:Container"] = container,
                    ["Storage:ProjectionQueue"] = container + "-projections",
                    ["Storage:Queue"] = container + "-reminders",
                    ["Storage:LocalPath"] = folder,
                    ["FollowUp:DirectoryPath"] = directoryPath,
                    ["Logging:LogLevel:Default"] = "Warning",
                });
                bots.Add(bot);
                urls.Add(bot.Start());
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{size} meetings ({size * ItemsPerMeeting} items) stored and indexed")).ConfigureAwait(false);
            }

            using var client = new HttpClient();
            var times = sizes.Select(_ => new List<double>()).ToList();
            for (var i = 0; i < warmup + requests; i++)
            {
                for (var k = 0; k < sizes.Length; k++)
                {
                    // Rotate which size goes first, so none always follows another's background work.
                    var side = (k + i) % sizes.Length;
                    var elapsed = await BenchHosts.PostAsync(client, urls[side], Message(serviceUrl, side, i), _ => true, cancellationToken).ConfigureAwait(false);
                    if (i >= warmup)
                    {
                        times[side].Add(elapsed);
                    }
                }
            }

            // Each text was a report, not a question or help: every size stored one record per message.
            foreach (var size in sizes)
            {
                var store = AzureBlobStore.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Container = string.Create(CultureInfo.InvariantCulture, $"scale{size}") });
                var stored = 0;
                await foreach (var _ in store.ListAsync(BlobNames.ProgressPrefix("m-target", "i1"), cancellationToken).ConfigureAwait(false))
                {
                    stored++;
                }

                if (stored != warmup + requests)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{size} meetings: {stored} records stored for {warmup + requests} reports")).ConfigureAwait(false);
                    return 1;
                }
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"free-text report, {requests} per size, sequential, round-robin, every report stored; load average {BenchHosts.LoadAverage()}")).ConfigureAwait(false);
            for (var k = 0; k < sizes.Length; k++)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{sizes[k],5} meetings: p50={BenchHosts.Percentile(times[k], 0.5):F2} ms p90={BenchHosts.Percentile(times[k], 0.9):F2} ms")).ConfigureAwait(false);
            }

            var growth = BenchHosts.Percentile(times[^1], 0.5) / BenchHosts.Percentile(times[0], 0.5);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"scale: p50_growth={growth:F3}")).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>size - 1 older meetings of other departments, then the contact's meeting; indexes as the ledger keeps them.</summary>
    private static async Task SeedAsync(StorageOptions options, int size, CancellationToken cancellationToken)
    {
        var store = AzureBlobStore.Create(options);
        var ledger = new MeetingLedger(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var older = Enumerable.Range(1, size - 1).Select(Older).ToList();
        await Parallel.ForEachAsync(older, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (meeting, token) =>
        {
            await store.PutAsync(BlobNames.MeetingSource(meeting.Id), BinaryData.FromString("原文"), BlobCondition.CreateOnly, token).ConfigureAwait(false);
            await store.PutDocumentAsync(BlobNames.Meeting(meeting.Id), meeting, LedgerJsonContext.Default.MeetingDocument, BlobCondition.CreateOnly, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        await ledger.Index.RebuildAsync(older, cancellationToken).ConfigureAwait(false);
        await ledger.Index.EnsureExistsAsync(cancellationToken).ConfigureAwait(false);
        await ledger.CreateMeetingAsync(Target(), "原文", cancellationToken).ConfigureAwait(false);
    }

    private static MeetingDocument Older(int n) => MeetingProjection.Normalize(new MeetingDocument
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"m-{n:D4}"),
        Title = string.Create(CultureInfo.InvariantCulture, $"第{n}次专题会议"),
        State = MeetingState.Published,
        TimeZone = "Asia/Shanghai",
        MeetingDate = new DateOnly(2026, 1, 1).AddDays(n % 300),
        CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n),
        PublishedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n),
        Revision = 1,
        Items = [.. Enumerable.Range(1, ItemsPerMeeting).Select(k => new MeetingItem
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"i{k}"),
            Number = k,
            Task = string.Create(CultureInfo.InvariantCulture, $"落实第{n}次会议第{k}项部署，按月报送进展情况"),
            Lead = [OtherDepartment(n * ItemsPerMeeting + k)],
            Support = [OtherDepartment(n * ItemsPerMeeting + k + 7)],
            Due = new DateOnly(2026, 12, 31),
        })],
    });

    private static MeetingDocument Target() => new()
    {
        Id = "m-target",
        Title = "审计整改推进会",
        State = MeetingState.Published,
        TimeZone = "Asia/Shanghai",
        MeetingDate = new DateOnly(2026, 11, 20),
        PublishedAt = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
        Items = [.. Enumerable.Range(1, ItemsPerMeeting).Select(k => new MeetingItem
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"i{k}"),
            Number = k,
            Task = string.Create(CultureInfo.InvariantCulture, $"审计发现问题第{k}项整改"),
            Lead = [k == 1 ? Department : OtherDepartment(k)],
            Support = [OtherDepartment(k + 3)],
            Due = new DateOnly(2026, 12, 31),
        })],
    };

    private static string OtherDepartment(int n) => string.Create(CultureInfo.InvariantCulture, $"市第{n % OtherDepartments + 1:D2}局");

    private static JsonObject Message(string serviceUrl, int size, int index) => new()
    {
        ["type"] = "message",
        ["id"] = string.Create(CultureInfo.InvariantCulture, $"scale-{size}-{index:D6}"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = "zh-CN",
        ["from"] = new JsonObject { ["id"] = "29:auditor", ["aadObjectId"] = ContactId, ["name"] = "审计局联络员" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUp" },
        ["conversation"] = new JsonObject { ["id"] = "a:personal-auditor", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        ["text"] = string.Create(CultureInfo.InvariantCulture, $"1 推进中 {index % 100}% 第{index}次报送整改进展"),
        ["textFormat"] = "plain",
    };

    private static string DirectoryJson() => new JsonObject
    {
        ["departments"] = new JsonArray([
            new JsonObject
            {
                ["name"] = Department,
                ["aliases"] = new JsonArray(),
                ["contacts"] = new JsonArray(new JsonObject { ["aadObjectId"] = ContactId, ["name"] = "审计局联络员" }),
            },
            .. Enumerable.Range(0, OtherDepartments).Select(n => (JsonNode)new JsonObject
            {
                ["name"] = OtherDepartment(n),
                ["aliases"] = new JsonArray(),
                ["contacts"] = new JsonArray(),
            })]),
    }.ToJsonString();
}
