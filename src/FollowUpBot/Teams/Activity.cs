using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUpBot.Cards;

namespace FollowUpBot.Teams;

/// <summary>
/// A Bot Framework activity as Teams sends it. Only the fields the bot reads are typed; everything
/// else is kept in <see cref="Extra"/>, so an activity (or a reference built from it) is written back
/// without losing what Teams added. Times stay the strings Teams sent, for the same reason.
/// </summary>
internal sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    [JsonPropertyName("timestamp")]
    public string? TimestampText { get; init; }

    [JsonPropertyName("localTimestamp")]
    public string? LocalTimestampText { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? Name { get; init; }

    public JsonElement? Value { get; init; }

    public string? ReplyToId { get; init; }

    public string? Action { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public DateTimeOffset? Timestamp =>
        DateTimeOffset.TryParse(TimestampText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    /// <summary>The tenant: <c>channelData.tenant.id</c> (the definitive source), else <c>conversation.tenantId</c>.</summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>The client's information entity (locale, IANA time zone, platform), when Teams sent one.</summary>
    [JsonIgnore]
    public Entity? ClientInfo => Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase));

    /// <summary>The sender's IANA time zone: <c>localTimezone</c>, else the clientInfo entity's.</summary>
    [JsonIgnore]
    public string? SenderTimeZone => LocalTimezone ?? ClientInfo?.Timezone;

    /// <summary>The sender's locale: <c>locale</c>, else the clientInfo entity's.</summary>
    [JsonIgnore]
    public string? SenderLocale => Locale ?? ClientInfo?.Locale;
}

/// <summary>A user or bot in a conversation (<c>from</c>, <c>recipient</c>, members).</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    /// <summary>Roster entries (members, paged members) carry the Entra object id here instead.</summary>
    public string? ObjectId { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? Email { get; init; }

    public string? Role { get; init; }

    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The conversation an activity belongs to (personal <c>a:…</c>, channel <c>19:…</c>, group chat).</summary>
internal sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An entity: a mention (<c>mentioned</c>, <c>text</c>) or client information (<c>locale</c>, <c>timezone</c>).</summary>
internal sealed record Entity
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }

    public string? Locale { get; init; }

    public string? Timezone { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An attachment: an Adaptive Card going out, or a file / HTML copy coming in.</summary>
internal sealed record Attachment
{
    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public JsonElement? Content { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Teams' <c>channelData</c>: tenant, team, channel and conversation events.</summary>
internal sealed record TeamsChannelData
{
    public IdName? Tenant { get; init; }

    public TeamInfo? Team { get; init; }

    public IdName? Channel { get; init; }

    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record IdName
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed record TeamInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadGroupId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>Activity types the bot acts on.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
}

/// <summary>
/// The body of an invoke response (PROTOCOL.md §3.5): HTTP 200 always, the outcome in <see cref="StatusCode"/>. A card
/// answer keeps the card itself (<see cref="AdaptiveCard"/>), written straight into the answer's bytes once
/// (<see cref="MessagesEndpoint"/>), never through a <see cref="JsonElement"/> that would be written, parsed and
/// written again.
/// </summary>
internal sealed record InvokeResponse(int StatusCode, string? Type, JsonElement? Value)
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>The card of a card answer (then <see cref="Value"/> is null): the answer's value.</summary>
    public AdaptiveCard? AdaptiveCard { get; init; }

    public static InvokeResponse Card(AdaptiveCard card) => new(200, CardType, null) { AdaptiveCard = card };

    public static InvokeResponse Message(string text) => new(200, MessageType, JsonSerializer.SerializeToElement(text, TeamsJson.Default.String));

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, JsonSerializer.SerializeToElement(new InvokeError(code, message), TeamsJson.Default.InvokeError));
}

internal sealed record InvokeError(string Code, string Message);

/// <summary>Response of the connector to a send: the new activity's id.</summary>
internal sealed record ResourceResponse(string? Id);

/// <summary>Response of the connector to create conversation.</summary>
internal sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>Body of create conversation (1:1: members + tenant; channel post: isGroup + channelData.channel + activity).</summary>
internal sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    public Activity? Activity { get; init; }

    public TeamsChannelData? ChannelData { get; init; }
}

/// <summary>A page of <c>pagedmembers</c>.</summary>
internal sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<ChannelAccount>? Members);

/// <summary>Connector error body: <c>{"error":{"code","message"}}</c>, or Teams' <c>{"errorCode":209,"message":"{\"subCode\":…}"}</c>.</summary>
internal sealed record ConnectorErrorBody
{
    public ConnectorErrorDetail? Error { get; init; }

    public int? ErrorCode { get; init; }

    public string? Message { get; init; }
}

internal sealed record ConnectorErrorDetail(string? Code, string? Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ConnectorErrorBody))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(string))]
internal sealed partial class TeamsJson : JsonSerializerContext;
