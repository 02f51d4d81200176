using System.Buffers;
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
    /// answer is read into a pooled buffer and checked as UTF-8 bytes: buffering it in a growing stream, copying it into
    /// an array and decoding it into a string was load-generator work that grew with the answer's size (a card against
    /// the baseline's few bytes) and ran on the same two cores, in the same process, as the servers it measures.
    /// </summary>
    public static async Task<double> PostAsync(HttpClient client, Uri url, JsonObject activity, AnswerCheck ok, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode || !ok(buffer.AsSpan(0, length)))
            {
                // Let the bot's console logger write what it logged about this request before the run ends.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(buffer, 0, length)}");
            }

            return elapsed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether an answer's UTF-8 body is the one expected.</summary>
    public delegate bool AnswerCheck(ReadOnlySpan<byte> body);

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
