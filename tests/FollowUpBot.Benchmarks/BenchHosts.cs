using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.Progress;
using FollowUpBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.Benchmarks;

/// <summary>What the report benchmarks share: the bot on Kestrel, a connector stand-in, timing and percentiles.</summary>
internal static class BenchHosts
{
    /// <summary>A Bot Connector stand-in that accepts whatever the bot sends (replies, card updates).</summary>
    public static async Task<WebApplication> StartConnectorAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(http => http.Response.WriteAsJsonAsync(new { id = "1" }, http.RequestAborted));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    /// <summary>
    /// Posts one activity and returns the time until the whole answer was read; a failed request ends the run. The
    /// answer is checked as UTF-8 bytes: decoding every card answer into a string was load-generator work that grew
    /// with the answer's size and ran on the same two cores as the servers it measures.
    /// </summary>
    public static async Task<double> PostAsync(HttpClient client, Uri url, JsonObject activity, Func<byte[], bool> ok, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || !ok(body))
        {
            // Let the bot's console logger write what it logged about this request before the run ends.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }

        return elapsed;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>The bot (its own Program, found through one of its types) on a free loopback port with Kestrel.</summary>
internal sealed class BotHost(Dictionary<string, string?> settings) : WebApplicationFactory<ProgressReportAction>
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
