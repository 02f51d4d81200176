using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// <c>report</c>: many contacts reporting on one item at once. 16 concurrent senders post 1,000 progress reports
/// (<c>adaptiveCard/action</c>, verb <c>progress.report</c>) on one item to the bot's <c>/api/messages</c> on Kestrel
/// with Azurite (blobs and queue), next to a bare ASP.NET Core endpoint in the same process that stores each
/// activity as one blob with plain Azure.Storage.Blobs and answers 200. The two run in alternating rounds so that
/// they share the machine's noise. After the bot's rounds it waits until meeting.json shows every report and prints
/// that lag (the projector works off the request path). Prints throughput and p50/p99 of each, the process's CPU time
/// per report on each side (the bot's counted until meeting.json shows its reports, so the projector's work is in it),
/// the storage requests per report on each side by method (HttpClient's own metrics, Azurite's blob and queue ports;
/// the benchmark's own polling of meeting.json is left out), the bytes allocated per report and the gen2 collections on
/// each side (the bot's, like its CPU, until meeting.json shows its reports) and
/// <c>report: rps_ratio=… p99_ratio=…</c> (app / bare; targets ≥ 0.8 and ≤ 1.5).
/// Arguments: <c>--requests N</c> (1000 each) <c>--concurrency N</c> (16) <c>--rounds N</c> (4) <c>--warmup N</c> (100).
/// </summary>
internal sealed class ReportBenchmark : IBenchmark
{
    private const string Container = "bench";
    private const string Department = "市发展改革委";
    private const string ContactId = "00000000-0000-4000-8000-0000000000c1";
    private const string MeetingId = "m-report";
    private const string ItemId = "i1";

    public string Name => "report";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var requests = BenchHosts.Option(args, "--requests", 1000);
        var concurrency = BenchHosts.Option(args, "--concurrency", 16);
        var rounds = BenchHosts.Option(args, "--rounds", 4);
        var warmup = BenchHosts.Option(args, "--warmup", 100);

        await using var azurite = await Azurite.StartAsync(withQueue: true, cancellationToken).ConfigureAwait(false);
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = Container };
        var ledger = new MeetingLedger(AzureBlobStore.Create(options), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        await ledger.CreateMeetingAsync(Meeting(), "原文", cancellationToken).ConfigureAwait(false);

        var folder = Directory.CreateTempSubdirectory("followup-report-bench-").FullName;
        try
        {
            var directoryPath = Path.Combine(folder, "departments.json");
            await File.WriteAllTextAsync(directoryPath, DirectoryJson(), cancellationToken).ConfigureAwait(false);
            await using var connector = await BenchHosts.StartConnectorAsync(cancellationToken).ConfigureAwait(false);
            var serviceUrl = connector.Urls.First().TrimEnd('/') + "/connector/";

            using var bot = new BotHost(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:Container"] = Container,
                ["Storage:LocalPath"] = folder,
                ["FollowUp:DirectoryPath"] = directoryPath,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            var botUrl = bot.Start();
            await using var bare = await StartBareAsync(options, cancellationToken).ConfigureAwait(false);
            var bareUrl = new Uri(bare.Urls.First().TrimEnd('/') + "/api/messages");

            using var client = new HttpClient();
            using var storageCalls = new StorageCalls(azurite);
            var next = 0;
            async Task<(List<double> Times, TimeSpan Elapsed)> BurstAsync(Uri url, int count, bool isApp)
            {
                var times = new List<double>(count);
                var remaining = count;
                var started = Stopwatch.GetTimestamp();
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
                {
                    while (Interlocked.Decrement(ref remaining) >= 0)
                    {
                        var activity = Activity(serviceUrl, Interlocked.Increment(ref next));
                        var elapsed = await BenchHosts.PostAsync(client, url, activity, Answered(isApp), cancellationToken).ConfigureAwait(false);
                        lock (times)
                        {
                            times.Add(elapsed);
                        }
                    }
                })).ConfigureAwait(false);
                return (times, Stopwatch.GetElapsedTime(started));
            }

            await BurstAsync(botUrl, warmup, true).ConfigureAwait(false);
            await BurstAsync(bareUrl, warmup, false).ConfigureAwait(false);
            var sent = warmup;
            var appTimes = new List<double>();
            var bareTimes = new List<double>();
            TimeSpan appElapsed = default, bareElapsed = default;
            var lags = new List<double>();
            TimeSpan appCpu = default, bareCpu = default;
            long appAllocated = 0, bareAllocated = 0;
            int appGen2 = 0, bareGen2 = 0;
            var appCalls = new Dictionary<string, int>(StringComparer.Ordinal);
            var bareCalls = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var round = 0; round < rounds; round++)
            {
                var share = requests / rounds + (round < requests % rounds ? 1 : 0);
                // Alternate which goes first, so neither always runs after the other's background work.
                for (var side = 0; side < 2; side++)
                {
                    var isApp = side == 0 == (round % 2 == 0);
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var allocatedBefore = GC.GetTotalAllocatedBytes();
                    var gen2Before = GC.CollectionCount(2);
                    storageCalls.Start();
                    var (times, elapsed) = await BurstAsync(isApp ? botUrl : bareUrl, share, isApp).ConfigureAwait(false);
                    (isApp ? appTimes : bareTimes).AddRange(times);
                    if (isApp)
                    {
                        appElapsed += elapsed;
                        sent += share;
                        lags.Add(await ProjectionLagAsync(ledger, sent, cancellationToken).ConfigureAwait(false));
                        appCpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                        appAllocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
                        appGen2 += GC.CollectionCount(2) - gen2Before;
                    }
                    else
                    {
                        bareElapsed += elapsed;
                        bareCpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                        bareAllocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
                        bareGen2 += GC.CollectionCount(2) - gen2Before;
                    }

                    storageCalls.AddTo(isApp ? appCalls : bareCalls);
                }
            }

            var appRps = appTimes.Count / appElapsed.TotalSeconds;
            var bareRps = bareTimes.Count / bareElapsed.TotalSeconds;
            var appP99 = BenchHosts.Percentile(appTimes, 0.99);
            var bareP99 = BenchHosts.Percentile(bareTimes, 0.99);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests={appTimes.Count} each, one item, concurrency={concurrency}, rounds={rounds}, load average {BenchHosts.LoadAverage()}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app  /api/messages: {appRps:F1}/s p50={BenchHosts.Percentile(appTimes, 0.5):F1} ms p99={appP99:F1} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare endpoint:      {bareRps:F1}/s p50={BenchHosts.Percentile(bareTimes, 0.5):F1} ms p99={bareP99:F1} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cpu per report (whole process, client included): app {appCpu.TotalMilliseconds / appTimes.Count:F2} ms, bare {bareCpu.TotalMilliseconds / bareTimes.Count:F2} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per report (whole process, client included): app {appAllocated / 1024.0 / appTimes.Count:F1} KB, bare {bareAllocated / 1024.0 / bareTimes.Count:F1} KB; gen2 collections: app {appGen2}, bare {bareGen2}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage requests per report: app {StorageCalls.Describe(appCalls, appTimes.Count)}; bare {StorageCalls.Describe(bareCalls, bareTimes.Count)}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"meeting.json showed every report {lags.Max():F0} ms after the last answer at most (rounds: {string.Join(", ", lags.Select(l => l.ToString("F0", CultureInfo.InvariantCulture)))} ms)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report: rps_ratio={appRps / bareRps:F3} p99_ratio={appP99 / bareP99:F3}"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Milliseconds from now until meeting.json counts <paramref name="sent"/> reports of the department (polled every 20 ms).</summary>
    private static async Task<double> ProjectionLagAsync(MeetingLedger ledger, int sent, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var meeting = (await StorageCalls.UncountedAsync(() => ledger.GetMeetingAsync(MeetingId, cancellationToken)).ConfigureAwait(false))!.Document;
            if (meeting.FindItem(ItemId)!.FindDepartment(Department)!.Reports >= sent)
            {
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"meeting.json did not reach {sent} reports.");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private static BenchHosts.AnswerCheck Answered(bool isApp) => isApp
        ? body => body.IndexOf("\"statusCode\":200"u8) >= 0 && body.IndexOf("application/vnd.microsoft.card.adaptive"u8) >= 0
        : body => body.IndexOf("\"statusCode\":200"u8) >= 0;

    /// <summary>The baseline: the same activity in, stored as one blob (create-only) with plain Azure.Storage.Blobs, 200 out.</summary>
    private static async Task<WebApplication> StartBareAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        var container = new BlobServiceClient(options.ConnectionString, AzureBlobStore.ClientOptions(options)).GetBlobContainerClient(options.Container);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/messages", async (HttpRequest request, CancellationToken aborted) =>
        {
            var body = await BinaryData.FromStreamAsync(request.Body, aborted).ConfigureAwait(false);
            var activity = JsonNode.Parse(body.ToMemory().Span)!;
            var name = "bare/" + BlobNames.UpdateId(activity["conversation"]!["id"]!.GetValue<string>(), activity["id"]!.GetValue<string>()) + ".json";
            await container.GetBlobClient(name).UploadAsync(body, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All } }, aborted).ConfigureAwait(false);
            return Results.Text("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"saved\"}", "application/json");
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    private static JsonObject Activity(string serviceUrl, int index)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"f:report-{index:D6}");
        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["locale"] = "zh-CN",
            ["replyToId"] = "1700000000001",
            ["from"] = new JsonObject { ["id"] = "29:contact", ["aadObjectId"] = ContactId, ["name"] = "联络员" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUp" },
            ["conversation"] = new JsonObject { ["id"] = "a:personal-contact", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = ChecklistVerbs.Report,
                    ["data"] = new JsonObject
                    {
                        ["verb"] = ChecklistVerbs.Report,
                        ["meetingId"] = MeetingId,
                        ["itemId"] = ItemId,
                        ["department"] = Department,
                        [ChecklistVerbs.StatusInput(ItemId)] = "inProgress",
                        [ChecklistVerbs.PercentInput(ItemId)] = (index % 100).ToString(CultureInfo.InvariantCulture),
                        [ChecklistVerbs.NoteInput(ItemId)] = string.Create(CultureInfo.InvariantCulture, $"第{index}次报送：已召开推进会"),
                    },
                },
                ["trigger"] = "manual",
            },
        };
    }

    private static MeetingDocument Meeting() => new()
    {
        Id = MeetingId,
        Title = "重点工作推进会",
        State = MeetingState.Published,
        TimeZone = "Asia/Shanghai",
        MeetingDate = new DateOnly(2026, 11, 20),
        PublishedAt = DateTimeOffset.UtcNow,
        Items = [.. Enumerable.Range(1, 30).Select(k => new MeetingItem
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"i{k}"),
            Number = k,
            Task = string.Create(CultureInfo.InvariantCulture, $"推进第{k}项重点工作，按月调度进展"),
            Lead = [Department],
            Support = ["市财政局"],
            Due = new DateOnly(2026, 12, 31),
        })],
    };

    private static string DirectoryJson() => new JsonObject
    {
        ["departments"] = new JsonArray(
            new JsonObject
            {
                ["name"] = Department,
                ["aliases"] = new JsonArray(),
                ["contacts"] = new JsonArray(new JsonObject { ["aadObjectId"] = ContactId, ["name"] = "联络员" }),
            },
            new JsonObject { ["name"] = "市财政局", ["aliases"] = new JsonArray(), ["contacts"] = new JsonArray() }),
    }.ToJsonString();
}

/// <summary>
/// Counts the requests this process makes to Azurite (blob and queue ports) by method, from HttpClient's
/// <c>http.client.request.duration</c> metric, between <see cref="Start"/> and <see cref="AddTo"/>; the benchmark's own
/// reads are left out.
/// </summary>
internal sealed class StorageCalls : IDisposable
{
    private static readonly AsyncLocal<bool> Uncounted = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _services;

    public StorageCalls(Azurite azurite)
    {
        _services = new Dictionary<int, string> { [azurite.BlobPort] = "blob" };
        if (azurite.QueuePort > 0)
        {
            _services[azurite.QueuePort] = "queue";
        }

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) => Count(tags));
        _listener.Start();
    }

    public void Start() => _counts.Clear();

    public void AddTo(Dictionary<string, int> totals)
    {
        foreach (var (key, count) in _counts)
        {
            totals[key] = totals.GetValueOrDefault(key) + count;
        }
    }

    public static async Task<T> UncountedAsync<T>(Func<Task<T>> call)
    {
        Uncounted.Value = true;
        try
        {
            return await call().ConfigureAwait(false);
        }
        finally
        {
            Uncounted.Value = false;
        }
    }

    public static string Describe(Dictionary<string, int> counts, int reports) =>
        string.Create(CultureInfo.InvariantCulture, $"{counts.Values.Sum() / (double)reports:F2}")
        + " (" + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value / (double)reports:F3}"))) + ")";

    public void Dispose() => _listener.Dispose();

    private void Count(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Uncounted.Value)
        {
            return;
        }

        string? method = null;
        int? port = null;
        foreach (var (key, value) in tags)
        {
            if (key == "http.request.method")
            {
                method = value as string;
            }
            else if (key == "server.port")
            {
                port = value switch { int p => p, long p => (int)p, _ => null };
            }
        }

        if (port is { } p2 && _services.TryGetValue(p2, out var service))
        {
            _counts.AddOrUpdate($"{service} {method}", 1, (_, n) => n + 1);
        }
    }
}
