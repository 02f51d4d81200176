using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.Testing;

/// <summary>A request the stand-in received: path, the Authorization header, the body.</summary>
internal sealed record ModelRequest(string Path, string Authorization, string Body);

/// <summary>One scripted answer: a status and a recorded body (tests/fixtures/ai), or a hold that answers only when released.</summary>
internal sealed record ModelAnswer(int Status, string? Fixture, bool Hold = false)
{
    public static ModelAnswer Ok(string fixture) => new(200, fixture);

    public static ModelAnswer Error(int status) => new(status, $"error-{status}.json");

    /// <summary>Answers nothing until <see cref="OpenAiStandIn.Release"/> or the client gives up.</summary>
    public static ModelAnswer Slow(string fixture) => new(200, fixture, Hold: true);
}

/// <summary>
/// An OpenAI-compatible chat completions endpoint on loopback (<c>/v1/chat/completions</c>, and Azure's v1 path
/// <c>/openai/v1/chat/completions</c>) answering with recorded responses in the API's shape, in the scripted order.
/// </summary>
internal sealed class OpenAiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ModelAnswer> _script = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OpenAiStandIn(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The value for <c>FollowUp:AI:Endpoint</c>: http://127.0.0.1:PORT/v1.</summary>
    public string BaseUrl { get; }

    public ConcurrentQueue<ModelRequest> Requests { get; } = new();

    /// <summary>Signalled when a held request has arrived, so a test can move its fake clock past the budget.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signalled when a held request was abandoned by its client.</summary>
    public TaskCompletionSource Abandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<OpenAiStandIn> StartAsync(params ModelAnswer[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        OpenAiStandIn? standIn = null;
        app.MapPost("/v1/chat/completions", (HttpContext http) => standIn!.AnswerAsync(http));
        app.MapPost("/openai/v1/chat/completions", (HttpContext http) => standIn!.AnswerAsync(http));
        await app.StartAsync();
        standIn = new OpenAiStandIn(app, app.Urls.First().TrimEnd('/') + "/v1");
        foreach (var answer in script)
        {
            standIn._script.Enqueue(answer);
        }

        return standIn;
    }

    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new ModelRequest(http.Request.Path, http.Request.Headers.Authorization.ToString(), body));
        var answer = _script.TryDequeue(out var next) ? next : ModelAnswer.Error(500);
        if (answer.Hold)
        {
            Holding.TrySetResult();
            try
            {
                await _release.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Abandoned.TrySetResult();
                return;
            }
        }

        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(await File.ReadAllTextAsync(RepoPaths.Fixture("ai/" + answer.Fixture)));
    }
}
