using System.Text.Json;
using FollowUpBot.Storage;
using FollowUpBot.Teams;

namespace FollowUpBot.Testing;

/// <summary>
/// Conversation references written straight into storage, as the bot keeps them for contacts who talked to it
/// (a 1:1 chat with bot <c>28:bot</c> and user <c>29:{aad}</c>): for tests and benchmarks that send to many contacts.
/// </summary>
internal static class SeededConversations
{
    public static Task PutAsync(IBlobStore store, string tenantId, string serviceUrl, string aadObjectId, string conversationId, DateTimeOffset updated, BlobCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reference = new ConversationReferenceDocument
        {
            TenantId = tenantId,
            ServiceUrl = serviceUrl,
            ConversationId = conversationId,
            ConversationType = "personal",
            BotId = "28:bot",
            UserId = "29:" + aadObjectId,
            UserAadObjectId = aadObjectId,
            Locale = "zh-CN",
            Updated = updated,
        };
        var content = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(reference, ConversationReferenceJson.Default.ConversationReferenceDocument));
        return store.PutAsync(BlobNames.Conversation(tenantId, aadObjectId), content, condition, cancellationToken);
    }
}
