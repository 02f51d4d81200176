using System.Text.Json.Serialization;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Progress;

/// <summary>
/// <c>asked/{tenantId}/{conversationId}.json</c>: the item the bot last asked a conversation about, when its last
/// reminder or checklist there named exactly one item (<see cref="Item"/> null when it named several). A reply that names
/// no item defaults to it for <see cref="LastAskedItems.DefaultFor"/>. One small document per conversation, overwritten
/// by each send: it is a hint, never the truth about an item.
/// </summary>
internal sealed record LastAskedDocument : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    /// <summary>The conversation as the bot sent to it (kept inside, since a long id is hashed in the blob name).</summary>
    public required string ConversationId { get; init; }

    public ItemReference? Item { get; init; }

    /// <summary>When the bot sent the reminder or checklist.</summary>
    public required DateTimeOffset At { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LastAskedDocument))]
internal sealed partial class LastAskedJson : JsonSerializerContext;

/// <summary>
/// Remembers, per conversation, the single item a reminder or checklist named, so "已完成" right after a reminder about
/// item 3 is about item 3 (<see cref="ReplyContext.DefaultItem"/>). A write per send (reminders and publish, off the
/// reply path) and at most one read per reply that names no item.
/// </summary>
internal sealed partial class LastAskedItems(IBlobStore store, TimeProvider time, ILogger<LastAskedItems> logger)
{
    /// <summary>How long after the reminder or checklist a reply without an item number defaults to its item.</summary>
    public static readonly TimeSpan DefaultFor = TimeSpan.FromHours(24);

    public static string BlobName(string tenantId, string conversationId) =>
        $"asked/{BlobNames.Segment(tenantId)}/{BlobNames.Segment(BaseConversation(conversationId))}.json";

    /// <summary>
    /// Records what a send to the conversation named: the item when exactly one, else nothing to default to. A failed
    /// write is logged and ignored: the message went out, and a reply then simply names its item or is asked which.
    /// </summary>
    public async Task RecordAsync(string? tenantId, string? conversationId, IReadOnlyCollection<ItemReference> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(conversationId))
        {
            return;
        }

        var name = BlobName(tenantId, conversationId);
        var document = new LastAskedDocument
        {
            ConversationId = BaseConversation(conversationId),
            Item = items.Distinct().Count() == 1 ? items.First() : null,
            At = time.GetUtcNow(),
        };
        try
        {
            // Last send wins: the document is replaced whole, never read and changed.
            await store.PutDocumentAsync(name, document, LastAskedJson.Default.LastAskedDocument, BlobCondition.None, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotRecorded(logger, name, e);
        }
    }

    /// <summary>The item the conversation was last asked about, when one was and it is less than <see cref="DefaultFor"/> old.</summary>
    public async Task<ItemReference?> GetAsync(string? tenantId, string? conversationId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(conversationId))
        {
            return null;
        }

        var name = BlobName(tenantId, conversationId);
        StoredDocument<LastAskedDocument>? stored;
        try
        {
            stored = await store.GetDocumentAsync(name, LastAskedJson.Default.LastAskedDocument, cancellationToken).ConfigureAwait(false);
        }
        catch (StoredDocumentException e)
        {
            // An unreadable hint must not stop the reply: without a default the bot asks which item.
            LogUnreadable(logger, name, e);
            return null;
        }

        return stored?.Document is { Item: { } item } document && time.GetUtcNow() - document.At < DefaultFor ? item : null;
    }

    /// <summary>A channel thread's id ("…;messageid=…") stands for its channel: the bot posts to the channel, replies come in the thread.</summary>
    private static string BaseConversation(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Could not record the item last asked about in {BlobName}; replies there name their item or are asked which.")]
    private static partial void LogNotRecorded(ILogger logger, string blobName, Exception exception);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "The item last asked about, {BlobName}, cannot be read; replies there are asked which item.")]
    private static partial void LogUnreadable(ILogger logger, string blobName, Exception exception);
}
