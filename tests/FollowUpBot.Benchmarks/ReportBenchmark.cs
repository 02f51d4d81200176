using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Meetings;
using FollowUpBot.Progress;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// <c>report</c>: latency of a progress report (<c>adaptiveCard/action</c>, verb <c>progress.report</c>) posted to
/// the bot's <c>/api/messages</c> against Azurite, next to a bare ASP.NET Core endpoint that receives the same
/// activity and does the same storage work with plain Azure.Storage.Blobs calls: read meeting.json with its ETag,
/// create the record (If-None-Match: *), write the meeting with the record applied (If-Match). Both listen on
/// loopback Kestrel in this process and are called one request at a time, alternating, so they share the
/// machine's noise. Prints p50/p99 of each and <c>report: p50_ratio=… p99_ratio=…</c>.
/// Arguments: <c>--requests N</c> (300 each way) <c>--warmup N</c> (30 each way) <c>--items N</c> (30).
/// </summary>
internal sealed class ReportBenchmark : IBenchmark
{
    private const string Container = "bench";
    private const string Department = "市发展改革委";
    private const string ContactId = "00000000-0000-4000-8000-0000000000c1";

    public string Name => "report";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var requests = Option(args, "--requests", 300);
        var warmup = Option(args, "--warmup", 30);
        var items = Option(args, "--items", 30);

        await using var azurite = await Azurite.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = Container };
        var ledger = new MeetingLedger(AzureBlobStore.Create(options), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        await ledger.CreateMeetingAsync(Meeting("m-app", items), "原文", cancellationToken).ConfigureAwait(false);
        await ledger.CreateMeetingAsync(Meeting("m-bare", items), "原文", cancellationToken).ConfigureAwait(false);

        var folder = Directory.CreateTempSubdirectory("followup-report-bench-").FullName;
        try
        {
            var directoryPath = Path.Combine(folder, "departments.json");
            await File.WriteAllTextAsync(directoryPath, DirectoryJson(), cancellationToken).ConfigureAwait(false);
            await using var connector = await StartConnectorAsync(cancellationToken).ConfigureAwait(false);
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
            var appTimes = new List<double>(requests);
            var bareTimes = new List<double>(requests);
            for (var i = 0; i < warmup + requests; i++)
            {
                var item = $"i{i % items + 1}";
                // Alternate which goes first, so neither always follows the other's storage writes.
                var appFirst = i % 2 == 0;
                for (var side = 0; side < 2; side++)
                {
                    var isApp = side == 0 == appFirst;
                    var activity = Activity(serviceUrl, isApp ? "m-app" : "m-bare", item, i);
                    var elapsed = await PostAsync(client, isApp ? botUrl : bareUrl, activity, cancellationToken).ConfigureAwait(false);
                    if (i >= warmup)
                    {
                        (isApp ? appTimes : bareTimes).Add(elapsed);
                    }
                }
            }

            var appP50 = Percentile(appTimes, 0.50);
            var appP99 = Percentile(appTimes, 0.99);
            var bareP50 = Percentile(bareTimes, 0.50);
            var bareP99 = Percentile(bareTimes, 0.99);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests={requests} each, items={items}, sequential, alternating"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app  /api/messages: p50={appP50:F2} ms p99={appP99:F2} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare endpoint:      p50={bareP50:F2} ms p99={bareP99:F2} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report: p50_ratio={appP50 / bareP50:F3} p99_ratio={appP99 / bareP99:F3}"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Posts one activity and returns the time until the whole answer was read; a failed request ends the run.</summary>
    private static async Task<double> PostAsync(HttpClient client, Uri url, JsonObject activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !body.Contains("\"statusCode\":200", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {body}");
        }

        return elapsed;
    }

    /// <summary>
    /// The baseline: the same activity in, the same three storage calls, a small invoke answer out. It applies the
    /// record with the ledger's pure projection so that both sides write a meeting.json of the same size.
    /// </summary>
    private static async Task<WebApplication> StartBareAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        var container = new BlobServiceClient(options.ConnectionString, AzureBlobStore.ClientOptions(options)).GetBlobContainerClient(options.Container);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/messages", async (HttpRequest request, CancellationToken aborted) =>
        {
            var activity = (await JsonNode.ParseAsync(request.Body, cancellationToken: aborted).ConfigureAwait(false))!;
            var data = activity["value"]!["action"]!["data"]!;
            var meetingId = data["meetingId"]!.GetValue<string>();
            var itemId = data["itemId"]!.GetValue<string>();
            var at = DateTimeOffset.Parse(activity["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var record = new ProgressRecord
            {
                MeetingId = meetingId,
                ItemId = itemId,
                Department = data["department"]!.GetValue<string>(),
                By = new Person(activity["from"]!["aadObjectId"]!.GetValue<string>(), activity["from"]!["name"]!.GetValue<string>()),
                At = at,
                Status = ProgressStatus.InProgress,
                Percent = int.Parse(data[$"percent_{itemId}"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                Note = data[$"note_{itemId}"]!.GetValue<string>(),
                ConversationId = activity["conversation"]!["id"]!.GetValue<string>(),
                ActivityId = activity["id"]!.GetValue<string>(),
            };
            var name = BlobNames.Progress(meetingId, itemId, at, BlobNames.UpdateId(record.ConversationId, record.ActivityId));
            var meetingBlob = container.GetBlobClient(BlobNames.Meeting(meetingId));
            var read = await meetingBlob.DownloadContentAsync(aborted).ConfigureAwait(false);
            await container.GetBlobClient(name).UploadAsync(
                BinaryData.FromObjectAsJson(record, LedgerJsonContext.Default.ProgressRecord),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                aborted).ConfigureAwait(false);
            var meeting = read.Value.Content.ToObjectFromJson(LedgerJsonContext.Default.MeetingDocument)!;
            var applied = MeetingProjection.Apply(meeting, MeetingProjection.KeyOf(name), record);
            await meetingBlob.UploadAsync(
                BinaryData.FromObjectAsJson(applied, LedgerJsonContext.Default.MeetingDocument),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = read.Value.Details.ETag } },
                aborted).ConfigureAwait(false);
            return Results.Text("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.activity.message\",\"value\":\"saved\"}", "application/json");
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    /// <summary>A Bot Connector stand-in that accepts whatever the bot sends in the background (card updates).</summary>
    private static async Task<WebApplication> StartConnectorAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(http => http.Response.WriteAsJsonAsync(new { id = "1" }, http.RequestAborted));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    private static JsonObject Activity(string serviceUrl, string meetingId, string itemId, int index)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"f:{meetingId}-{index:D5}");
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
                        ["meetingId"] = meetingId,
                        ["itemId"] = itemId,
                        ["department"] = Department,
                        [ChecklistVerbs.StatusInput(itemId)] = "inProgress",
                        [ChecklistVerbs.PercentInput(itemId)] = (index % 100).ToString(CultureInfo.InvariantCulture),
                        [ChecklistVerbs.NoteInput(itemId)] = string.Create(CultureInfo.InvariantCulture, $"第{index}次报送：已召开推进会"),
                    },
                },
                ["trigger"] = "manual",
            },
        };
    }

    private static MeetingDocument Meeting(string id, int items) => new()
    {
        Id = id,
        Title = "重点工作推进会",
        State = MeetingState.Published,
        TimeZone = "Asia/Shanghai",
        MeetingDate = new DateOnly(2026, 11, 20),
        Items = [.. Enumerable.Range(1, items).Select(k => new MeetingItem
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

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The bot (its own Program, found through one of its types) on a free loopback port with Kestrel.</summary>
    private sealed class BotHost(Dictionary<string, string?> settings) : WebApplicationFactory<ProgressReportAction>
    {
        public Uri Start()
        {
            var port = FreePort.Next();
            UseKestrel(port);
            StartServer();
            return new Uri($"http://127.0.0.1:{port}/api/messages");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Run from the repository root, the factory would look for the project beside the solution file.
            builder.UseContentRoot(Path.Combine(RepoPaths.Root, "src", "FollowUpBot"));
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        }
    }
}
