using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>
/// A Bot Connector stand-in on loopback whose answers a test scripts: each request takes the next
/// scripted answer (the last one repeats), and every request is recorded.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private ScriptedAnswer _last = new(200, "{\"id\":\"1\"}", null);

    private FakeConnector(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeConnector? connector = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            connector!.Requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, http.Request.Headers.Authorization.ToString(), body, DateTime.UtcNow));
            var answer = connector.Next();
            http.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        connector = new FakeConnector(app, app.Urls.First().TrimEnd('/') + "/connector/");
        return connector;
    }

    /// <summary>Answers the next requests with these, in order; the last keeps answering after that.</summary>
    public void Script(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private ScriptedAnswer Next()
    {
        lock (_script)
        {
            if (_script.TryDequeue(out var next))
            {
                _last = next;
            }

            return _last;
        }
    }
}

internal sealed record ScriptedAnswer(int Status, string Body, int? RetryAfterSeconds = null);

internal sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, DateTime At);
