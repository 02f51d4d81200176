using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FollowUpBot.Teams;

/// <summary>What went wrong with a connector call, in the terms the features act on (PROTOCOL.md §4).</summary>
internal enum ConnectorErrorKind
{
    Unknown,
    BadRequest,
    Unauthorized,
    /// <summary>The user blocked the bot (ConversationBlockedByUser, MessageWritesBlocked).</summary>
    BlockedByUser,
    /// <summary>The bot is not in the conversation (uninstalled) or may not start it.</summary>
    BotNotInConversation,
    BotDisabledByAdmin,
    Forbidden,
    NotFound,
    TooLarge,
    Throttled,
    /// <summary>412/502/503/504 that outlasted the retries: try again later.</summary>
    Transient,
    ServiceError,
    ServiceUrlNotAllowed,
}

internal sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(HttpStatusCode statusCode, ConnectorErrorKind kind, string? code, string message, TimeSpan? retryAfter = null)
        : base($"Bot Connector answered {(int)statusCode} {code}: {message}")
    {
        StatusCode = statusCode;
        Kind = kind;
        Code = code;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public ConnectorErrorKind Kind { get; }

    public string? Code { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth trying again later (throttling and transient faults), as opposed to a permanent refusal.</summary>
    public bool IsTransient => Kind is ConnectorErrorKind.Throttled or ConnectorErrorKind.Transient;

    /// <summary>The recipient can't be reached until they act (blocked, uninstalled, gone): record it and tell the organiser.</summary>
    public bool IsPermanentForRecipient => Kind is ConnectorErrorKind.BlockedByUser or ConnectorErrorKind.BotNotInConversation
        or ConnectorErrorKind.BotDisabledByAdmin or ConnectorErrorKind.NotFound;

    public static ConnectorException From(HttpStatusCode status, string? body, RetryConditionHeaderValue? retryAfter)
    {
        var (code, message) = ParseBody(body);
        var kind = (int)status switch
        {
            400 => ConnectorErrorKind.BadRequest,
            401 => ConnectorErrorKind.Unauthorized,
            403 when Is(code, "ConversationBlockedByUser") || Is(code, "MessageWritesBlocked") => ConnectorErrorKind.BlockedByUser,
            403 when Is(code, "BotNotInConversationRoster") || Is(code, "ForbiddenOperationException") => ConnectorErrorKind.BotNotInConversation,
            403 when Is(code, "BotDisabledByAdmin") => ConnectorErrorKind.BotDisabledByAdmin,
            403 => ConnectorErrorKind.Forbidden,
            404 => ConnectorErrorKind.NotFound,
            413 => ConnectorErrorKind.TooLarge,
            429 => ConnectorErrorKind.Throttled,
            412 or 502 or 503 or 504 => ConnectorErrorKind.Transient,
            >= 500 => ConnectorErrorKind.ServiceError,
            _ => ConnectorErrorKind.Unknown,
        };
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return new ConnectorException(status, kind, code, message ?? status.ToString(), wait);
    }

    private static bool Is(string? code, string expected) => string.Equals(code, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <c>{"error":{"code","message"}}</c> or Teams' <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\"…}"}</c>.</summary>
    private static (string? Code, string? Message) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(body, TeamsJson.Default.ConnectorErrorBody);
            if (parsed?.Error is { } error)
            {
                return (error.Code, error.Message);
            }

            if (parsed?.Message is { } message)
            {
                var subCode = TryReadSubCode(message);
                return (subCode ?? parsed.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep a short piece of the text as the message.
        }

        return (null, body.Length > 300 ? body[..300] : body);
    }

    private static string? TryReadSubCode(string message)
    {
        try
        {
            using var inner = JsonDocument.Parse(message);
            return inner.RootElement.ValueKind == JsonValueKind.Object && inner.RootElement.TryGetProperty("subCode", out var sub) && sub.ValueKind == JsonValueKind.String
                ? sub.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
