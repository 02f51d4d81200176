using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUpBot.Departments;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Reminders;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using FollowUpBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// <c>fanout</c>: one due-date reminder each to N recipients (5,000) who already have conversation references,
/// through the bot's real scheduler, Azure Storage queue (Azurite) and senders, to a local fake Bot Connector
/// that enforces Teams' limits (50 per second for the app, 7 per second and 60 per 30 seconds per conversation)
/// and refuses 5% of calls at random with 429 and Retry-After: 1, never delivering a refused call. Prints
/// <c>fanout: ratio=(delivered per second ÷ Reminders:GlobalPerSecond) lost=N duplicated=N</c>.
/// Arguments: <c>--recipients N</c> (5000) <c>--per-second N</c> (30) <c>--instances N</c> (1: bot instances on the
/// same Azurite, sharing the queue and the one send budget).
/// </summary>
internal sealed partial class FanoutBenchmark : IBenchmark
{
    private const string Tenant = "tenant-fanout";
    private const int ItemsPerMeeting = 100;

    public string Name => "fanout";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var recipients = Option(args, "--recipients", 5000);
        var perSecond = Option(args, "--per-second", 30);
        var instances = Option(args, "--instances", 1);

        await using var azurite = await Azurite.StartAsync(withQueue: true, cancellationToken).ConfigureAwait(false);
        await using var connector = await TeamsLimitedConnector.StartAsync().ConfigureAwait(false);
        var container = "fanout" + Guid.NewGuid().ToString("N")[..8];
        IBlobStore store = AzureBlobStore.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Container = container });
        var seeding = Stopwatch.StartNew();
        await SeedAsync(store, connector.ServiceUrl, recipients, cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {recipients} recipients, references and {(recipients + ItemsPerMeeting - 1) / ItemsPerMeeting} meetings in {seeding.Elapsed.TotalSeconds:F1} s"));

        var root = Directory.CreateTempSubdirectory("fanout-").FullName;
        var calendar = Path.Combine(root, "calendar.json");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await File.WriteAllTextAsync(calendar, JsonSerializer.Serialize(new { holidays = Array.Empty<string>(), workdays = Enumerable.Range(-3, 7).Select(d => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }), cancellationToken).ConfigureAwait(false);
        var hosts = Enumerable.Range(0, instances).Select(_ => BuildHost(root, azurite.ConnectionString, container, calendar, perSecond)).ToList();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(hosts.Select(h => h.StartAsync(cancellationToken))).ConfigureAwait(false);
        var lastProgress = (Count: 0, At: clock.Elapsed);
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            var delivered = connector.Distinct;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,5:F0} s: delivered {delivered}, refused at random {connector.RandomRefusals}, over a limit {connector.LimitRefusals}"));
            if (delivered >= recipients)
            {
                break;
            }

            if (delivered > lastProgress.Count)
            {
                lastProgress = (delivered, clock.Elapsed);
            }
            else if (clock.Elapsed - lastProgress.At > TimeSpan.FromSeconds(60))
            {
                break;
            }
        }

        // A moment for anything still in flight (a duplicate would show here), then stop.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(hosts.Select(h => h.StopAsync(CancellationToken.None))).ConfigureAwait(false);
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        var deliveries = connector.Deliveries.ToList();
        var distinct = deliveries.Select(d => d.Key).Distinct().Count();
        var window = deliveries.Count > 1 ? deliveries.Max(d => d.At) - deliveries.Min(d => d.At) : TimeSpan.FromSeconds(1);
        var rate = distinct / window.TotalSeconds;
        var lost = recipients - distinct;
        var duplicated = deliveries.Count - distinct;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"instances={instances} recipients={recipients} delivered={distinct} window_s={window.TotalSeconds:F1} sends_per_s={rate:F2} global_per_s={perSecond} calls={connector.Calls} random_429={connector.RandomRefusals} limit_429={connector.LimitRefusals} max_in_1s={connector.MaxPerSecond}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fanout: ratio={rate / perSecond:F2} lost={lost} duplicated={duplicated}"));
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return lost == 0 && duplicated == 0 ? 0 : 1;
    }

    private static IHost BuildHost(string root, string connectionString, string container, string calendar, int perSecond)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", ContentRootPath = root, Args = [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AllowAnonymous"] = "true",
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:Container"] = container,
            ["Storage:Queue"] = container,
            ["FollowUp:CalendarPath"] = calendar,
            ["Reminders:Cron"] = string.Empty,
            ["Reminders:EscalateAfterDays"] = "0",
            ["Reminders:QuietHours"] = string.Empty,
            ["Reminders:Tick"] = "00:00:05",
            ["Reminders:GlobalPerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture),
        });
        builder.AddLedgerStorage();
        builder.AddTeamsProtocol();
        builder.AddFollowUp();
        builder.AddReminders();
        return builder.Build();
    }

    private static async Task SeedAsync(IBlobStore store, string serviceUrl, int recipients, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, recipients).Select(n => (Department: $"单位{n:D5}", Aad: $"aad-{n:D5}")).ToList();
        await new DirectoryStore(store, TimeProvider.System).SeedAsync(new DepartmentDirectory([.. names.Select(n => new Department(n.Department, null, [new Contact(n.Aad, n.Department + "联系人")], null))]), cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, (n, ct) =>
            new ValueTask(SeededConversations.PutAsync(store, Tenant, serviceUrl, n.Aad, "a:conv-" + n.Aad, DateTimeOffset.UtcNow, BlobCondition.None, ct))).ConfigureAwait(false);

        var ledger = new MeetingLedger(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var overdue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        foreach (var (chunk, index) in names.Chunk(ItemsPerMeeting).Select((c, i) => (c, i)))
        {
            await ledger.CreateMeetingAsync(new MeetingDocument
            {
                Id = $"fanout-{index:D3}",
                TenantId = Tenant,
                Title = $"扇出基准会议 {index}",
                State = MeetingState.Published,
                TimeZone = "Asia/Shanghai",
                PublishedAt = DateTimeOffset.UtcNow.AddDays(-3),
                Items = [.. chunk.Select((n, i) => new MeetingItem { Id = $"i{i + 1}", Number = i + 1, Task = $"{n.Department}落实会议部署的任务", Lead = [n.Department], Due = overdue })],
            }, "原文", cancellationToken).ConfigureAwait(false);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A Bot Connector stand-in that behaves like Teams under load: its limits answer 429, and so does 5% of everything else.</summary>
    private sealed partial class TeamsLimitedConnector : IAsyncDisposable
    {
        private const int GlobalPerSecond = 50;
        private readonly WebApplication _app;
        private readonly Lock _gate = new();
        private readonly Queue<long> _accepted = new();
        private readonly Dictionary<string, Queue<long>> _perConversation = new(StringComparer.Ordinal);
        private readonly Random _random = new(20261126);
        private int _calls;
        private int _randomRefusals;
        private int _limitRefusals;
        private int _maxPerSecond;

        private TeamsLimitedConnector(WebApplication app) => _app = app;

        public string ServiceUrl { get; private set; } = string.Empty;

        public ConcurrentQueue<(string Key, DateTimeOffset At)> Deliveries { get; } = new();

        public int Distinct => Deliveries.Select(d => d.Key).Distinct().Count();

        public int Calls => _calls;

        public int RandomRefusals => _randomRefusals;

        public int LimitRefusals => _limitRefusals;

        public int MaxPerSecond => _maxPerSecond;

        public static async Task<TeamsLimitedConnector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var connector = new TeamsLimitedConnector(app);
            app.MapPost("/connector/v3/conversations/{conversationId}/activities", connector.HandleAsync);
            await app.StartAsync().ConfigureAwait(false);
            connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/connector/";
            return connector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

        private async Task HandleAsync(HttpContext http, string conversationId)
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _calls);
            var now = Stopwatch.GetTimestamp();
            bool refused;
            lock (_gate)
            {
                Trim(_accepted, now, TimeSpan.FromSeconds(1));
                if (!_perConversation.TryGetValue(conversationId, out var mine))
                {
                    _perConversation[conversationId] = mine = new Queue<long>();
                }

                Trim(mine, now, TimeSpan.FromSeconds(30));
                var lastSecond = mine.Count(t => Stopwatch.GetElapsedTime(t, now) <= TimeSpan.FromSeconds(1));
                var overLimit = _accepted.Count >= GlobalPerSecond || lastSecond >= 7 || mine.Count >= 60;
#pragma warning disable CA5394 // A seeded simulation, not security.
                var unlucky = !overLimit && _random.NextDouble() < 0.05;
#pragma warning restore CA5394
                refused = overLimit || unlucky;
                if (overLimit)
                {
                    _limitRefusals++;
                }
                else if (unlucky)
                {
                    _randomRefusals++;
                }

                // Every call Teams answers counts against the limits, refused or not.
                _accepted.Enqueue(now);
                mine.Enqueue(now);
                _maxPerSecond = Math.Max(_maxPerSecond, _accepted.Count);
            }

            if (refused)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "1";
                await http.Response.WriteAsJsonAsync(new { error = new { code = "Throttled", message = "Too many requests" } }).ConfigureAwait(false);
                return;
            }

            var slot = SlotId().Match(body);
            Deliveries.Enqueue(($"{conversationId}|{(slot.Success ? slot.Groups["slot"].Value : "?")}", DateTimeOffset.UtcNow));
            http.Response.StatusCode = StatusCodes.Status201Created;
            await http.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") }).ConfigureAwait(false);
        }

        private static void Trim(Queue<long> calls, long now, TimeSpan window)
        {
            while (calls.TryPeek(out var oldest) && Stopwatch.GetElapsedTime(oldest, now) > window)
            {
                calls.Dequeue();
            }
        }

        [GeneratedRegex(@"reminder-(?<slot>\d{4}-\d{2}-\d{2}-[a-z]+(?:-\d{4,6})?)", RegexOptions.CultureInvariant)]
        private static partial Regex SlotId();
    }
}
