using System.Buffers;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using FollowUpBot.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Teams;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, parse, authorise against the body, route. Answers: 401/403 for
/// authentication, 400 for a body that is not an activity or one the bot cannot handle (<see cref="ActivityShape"/>), 413 for
/// a body over 1 MiB, 200 (with the invoke response for invokes)
/// otherwise; a failure while handling a message is a 500 without details, so the channel retries it.
/// </summary>
internal static partial class MessagesEndpoint
{
    /// <summary>Activities larger than this are refused before parsing (Teams messages are far smaller).</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Invoke answers carry whole cards: written as UTF-8 rather than \uXXXX escapes (the answer is JSON over HTTP, never
    /// inlined in HTML, as <see cref="Cards.CardJson"/> says), which makes a Chinese card a third of the size and its
    /// writing several times cheaper.
    /// </summary>
    private static readonly JsonWriterOptions AnswerWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, BotTokenValidator validator, ActivityRouter router, IOptionsMonitor<BotOptions> botOptions, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(MessagesEndpoint));
        var caller = await validator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (caller.Kind == BotCallerKind.Unauthorized)
        {
            return Results.Unauthorized();
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // A body without Content-Length (chunked) is cut off at the same size while it is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(http.Request.Body, TeamsJson.Default.Activity, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.BadRequest(new ProblemBody("The body is not a JSON activity."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.BadRequest(new ProblemBody("The activity has no type."));
        }

        activity = ActivityShape.WithoutNullElements(activity);
        if (ActivityShape.Problem(activity, botOptions.CurrentValue.AllowedServiceUrlHosts) is { } problem)
        {
            LogRefused(logger, activity.Type is { Length: > 64 } type ? type[..64] : activity.Type, problem);
            return Results.BadRequest(new ProblemBody(problem));
        }

        switch (caller.Authorize(activity))
        {
            case HttpStatusCode.Unauthorized:
                LogClaimMismatch(logger);
                return Results.Unauthorized();
            case HttpStatusCode.Forbidden:
                LogNotEndorsed(logger, activity.ChannelId);
                return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var invokeResponse = await router.RouteAsync(activity, cancellationToken).ConfigureAwait(false);
            if (activity.Type == ActivityTypes.Invoke)
            {
                return new InvokeAnswer(invokeResponse ?? new InvokeResponse(200, null, null));
            }

            return Results.Ok();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, activity.Type, activity.Id, e);
            if (activity.Type == ActivityTypes.Invoke)
            {
                // An unanswered invoke shows the user "Unable to reach app": answer it, with the error inside.
                var locale = UiLocales.FromTag(activity.SenderLocale);
                return new InvokeAnswer(InvokeResponse.Error(500, "InternalError", Texts.Get(locale, "error.generic")));
            }

            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>The invoke response as JSON bytes, as <see cref="InvokeAnswer"/> writes it.</summary>
    internal static ReadOnlyMemory<byte> AnswerBytes(InvokeResponse response)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, AnswerWriting))
        {
            WriteAnswer(json, response);
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The invoke response as JSON (<c>statusCode</c>, <c>type</c>, <c>value</c>; nulls left out), a card written straight into it once.</summary>
    private static void WriteAnswer(Utf8JsonWriter json, InvokeResponse response)
    {
        json.WriteStartObject();
        json.WriteNumber("statusCode", response.StatusCode);
        if (response.Type is { } type)
        {
            json.WriteString("type", type);
        }

        if (response.AdaptiveCard is { } card)
        {
            json.WritePropertyName("value");
            Cards.CardJson.Write(json, card);
        }
        else if (response.Value is { } value)
        {
            json.WritePropertyName("value");
            value.WriteTo(json);
        }

        json.WriteEndObject();
    }

    /// <summary>The invoke answer, written into the response's own buffers (no copy of the card in between).</summary>
    private sealed class InvokeAnswer(InvokeResponse response) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            var body = httpContext.Response.BodyWriter;
            using (var json = new Utf8JsonWriter(body, AnswerWriting))
            {
                WriteAnswer(json, response);
            }

            await body.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    internal sealed record ProblemBody(string Error);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Rejected an activity: the token's serviceurl claim does not match the activity.")]
    private static partial void LogClaimMismatch(ILogger logger);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Rejected an activity: the signing key is not endorsed for channel {ChannelId}.")]
    private static partial void LogNotEndorsed(ILogger logger, string? channelId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Refused a {Type} activity: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? type, string reason);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Error, Message = "Handling a {Type} activity ({ActivityId}) failed.")]
    private static partial void LogHandlerFailed(ILogger logger, string? type, string? activityId, Exception exception);
}
