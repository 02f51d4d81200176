using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUpBot.Storage;

namespace FollowUpBot.Teams;

/// <summary>
/// What the bot needs to message a conversation later (PROTOCOL.md §3.3), stored as
/// <c>conversations/{tenantId}/{userAadId|conversationId}.json</c>: personal chats by the user's
/// Entra object id, channels and group chats by conversation id. Versioned DTO, never a .NET type.
/// </summary>
internal sealed record ConversationReferenceDocument
{
    public int Schema { get; init; } = 1;

    public required string TenantId { get; init; }

    public required string ServiceUrl { get; init; }

    public string ChannelId { get; init; } = "msteams";

    /// <summary>The conversation; null for a user known only from a roster, until the bot opens a 1:1 chat with them.</summary>
    public string? ConversationId { get; init; }

    /// <summary>activity (the user or conversation talked to the bot) | roster (seen in the members of a team or chat) | installation (the bot installed the app for the user).</summary>
    public string Source { get; init; } = "activity";

    /// <summary>personal | groupChat | channel.</summary>
    public string? ConversationType { get; init; }

    public string? BotId { get; init; }

    public string? BotName { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? UserAadObjectId { get; init; }

    public string? TeamId { get; init; }

    public string? TeamsChannelId { get; init; }

    public string? Locale { get; init; }

    /// <summary>IANA time zone of the user's client, when Teams said it.</summary>
    public string? TimeZone { get; init; }

    /// <summary>False after the bot was uninstalled or removed: proactive messages would fail.</summary>
    public bool Installed { get; init; } = true;

    public DateTimeOffset Updated { get; init; }

    [JsonIgnore]
    public bool IsPersonal => string.Equals(ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same reference without the time of the save, to tell whether anything changed.</summary>
    public bool SameAs(ConversationReferenceDocument other) => this with { Updated = default } == other with { Updated = default };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationReferenceDocument))]
internal sealed partial class ConversationReferenceJson : JsonSerializerContext;

/// <summary>Saves a reference on every inbound activity (writing only when something changed) and reads them back.</summary>
internal sealed partial class ConversationReferenceStore(IBlobStore store, TimeProvider time, ILogger<ConversationReferenceStore> logger)
{
    /// <summary>
    /// How long this process trusts what it last read or wrote of a reference: an activity that would change nothing
    /// then costs no read. Short, because another instance may have changed the stored reference meanwhile.
    /// </summary>
    private static readonly TimeSpan SeenFor = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ConversationReferenceDocument Reference, long At)> _seen = new(StringComparer.Ordinal);

    /// <summary>Builds the reference an activity implies, or null when it lacks what a proactive message needs.</summary>
    public ConversationReferenceDocument? FromActivity(Activity activity)
    {
        var tenantId = activity.TenantId;
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return null;
        }

        var type = activity.Conversation.ConversationType ?? (activity.Conversation.IsGroup == true ? "groupChat" : "personal");
        var personal = string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase);
        var removed = (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
            || (activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) ?? false);
        // In a channel the thread suffix is not part of the conversation a new post goes to.
        var conversationId = personal ? activity.Conversation.Id : StripThread(activity.Conversation.Id);
        return new ConversationReferenceDocument
        {
            TenantId = tenantId,
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId ?? "msteams",
            ConversationId = conversationId,
            ConversationType = type,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserId = personal ? activity.From?.Id : null,
            UserName = personal ? activity.From?.Name : null,
            UserAadObjectId = personal ? activity.From?.AadObjectId : null,
            TeamId = activity.ChannelData?.Team?.Id,
            TeamsChannelId = activity.ChannelData?.Channel?.Id,
            Locale = activity.SenderLocale,
            TimeZone = activity.SenderTimeZone,
            Installed = !removed,
            Updated = time.GetUtcNow(),
        };
    }

    public async Task SaveAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var reference = FromActivity(activity);
        if (reference is null)
        {
            return;
        }

        var key = reference.IsPersonal ? reference.UserAadObjectId ?? reference.ConversationId! : reference.ConversationId!;
        if (_seen.TryGetValue(BlobNames.Conversation(reference.TenantId, key), out var seen) && time.GetElapsedTime(seen.At) < SeenFor
            && Merge(seen.Reference, reference).SameAs(seen.Reference))
        {
            return;
        }

        await UpsertAsync(reference.TenantId, key, existing => existing is null ? reference : Merge(existing, reference), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a user seen in a team's or chat's roster, so the bot can open a 1:1 chat with them later;
    /// what an activity of theirs already told (their chat, locale, time zone) is kept.
    /// </summary>
    public Task SaveRosterMemberAsync(ConversationReferenceDocument rosterOf, ChannelAccount member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rosterOf);
        ArgumentNullException.ThrowIfNull(member);
        var aad = member.EntraObjectId ?? throw new ArgumentException("A roster member without an Entra object id can't be contacted.", nameof(member));
        var fromRoster = new ConversationReferenceDocument
        {
            TenantId = rosterOf.TenantId,
            ServiceUrl = rosterOf.ServiceUrl,
            ChannelId = rosterOf.ChannelId,
            ConversationId = null,
            ConversationType = "personal",
            BotId = rosterOf.BotId,
            BotName = rosterOf.BotName,
            UserId = member.Id,
            UserName = member.Name,
            UserAadObjectId = aad,
            Source = "roster",
            Updated = time.GetUtcNow(),
        };
        return UpsertAsync(rosterOf.TenantId, aad, existing => existing is null
            ? fromRoster
            : existing with { UserId = existing.UserId ?? member.Id, UserName = existing.UserName ?? member.Name, BotId = existing.BotId ?? rosterOf.BotId }, cancellationToken);
    }

    /// <summary>Remembers the 1:1 chat the bot opened with a user.</summary>
    public Task SetPersonalConversationAsync(string tenantId, string userAadObjectId, string conversationId, CancellationToken cancellationToken = default) =>
        UpsertAsync(tenantId, userAadObjectId, existing => existing is null ? null : existing with { ConversationId = conversationId, Installed = true }, cancellationToken);

    /// <summary>
    /// Remembers the 1:1 chat Teams opened when the bot installed the app for a user (Microsoft Graph), creating the
    /// reference when the user never talked to the bot, so reminders and later messages reach them the same way.
    /// </summary>
    public Task SaveInstalledChatAsync(string tenantId, string userAadObjectId, string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        UpsertAsync(tenantId, userAadObjectId, existing => existing is null
            ? new ConversationReferenceDocument
            {
                TenantId = tenantId,
                ServiceUrl = serviceUrl,
                ConversationId = conversationId,
                ConversationType = "personal",
                UserAadObjectId = userAadObjectId,
                Source = "installation",
                Updated = time.GetUtcNow(),
            }
            : existing with { ConversationId = conversationId, Installed = true }, cancellationToken);

    private async Task UpsertAsync(string tenantId, string key, Func<ConversationReferenceDocument?, ConversationReferenceDocument?> change, CancellationToken cancellationToken)
    {
        var name = BlobNames.Conversation(tenantId, key);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await store.GetAsync(name, cancellationToken).ConfigureAwait(false);
            var existing = current is null ? null : Parse(current);
            var updated = change(existing);
            if (updated is null || (existing is not null && existing.SameAs(updated)))
            {
                if (existing is not null)
                {
                    _seen[name] = (existing, time.GetTimestamp());
                }

                return;
            }

            try
            {
                var content = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(updated with { Updated = time.GetUtcNow() }, ConversationReferenceJson.Default.ConversationReferenceDocument));
                await store.PutAsync(name, content, current is null ? BlobCondition.CreateOnly : BlobCondition.Match(current.ETag), cancellationToken).ConfigureAwait(false);
                _seen[name] = (updated, time.GetTimestamp());
                LogSaved(logger, name);
                return;
            }
            catch (BlobConflictException)
            {
                // Another activity of the same conversation saved first: read it and apply again.
            }
        }

        // Five writers in a row won the race: this change is not saved (the next activity saves it again).
        LogGaveUp(logger, name);
    }

    public async Task<ConversationReferenceDocument?> GetAsync(string tenantId, string userAadIdOrConversationId, CancellationToken cancellationToken = default)
    {
        var blob = await store.GetAsync(BlobNames.Conversation(tenantId, userAadIdOrConversationId), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : Parse(blob);
    }

    /// <summary>All references of a tenant (or of every tenant when null).</summary>
    public async IAsyncEnumerable<ConversationReferenceDocument> ListAsync(string? tenantId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = tenantId is null ? "conversations/" : $"conversations/{BlobNames.Segment(tenantId)}/";
        await foreach (var entry in store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var blob = await store.GetAsync(entry.Name, cancellationToken).ConfigureAwait(false);
            ConversationReferenceDocument? reference = null;
            try
            {
                reference = blob is null ? null : Parse(blob);
            }
            catch (InvalidDataException e)
            {
                // One unreadable reference must not hide the others.
                LogUnreadable(logger, entry.Name, e);
            }

            if (reference is not null)
            {
                yield return reference;
            }
        }
    }

    private static ConversationReferenceDocument Merge(ConversationReferenceDocument existing, ConversationReferenceDocument update) => update with
    {
        ConversationId = update.ConversationId ?? existing.ConversationId,
        // Activities without client info (e.g. conversationUpdate) must not erase what an earlier message told us.
        Locale = update.Locale ?? existing.Locale,
        TimeZone = update.TimeZone ?? existing.TimeZone,
        UserName = update.UserName ?? existing.UserName,
        UserId = update.UserId ?? existing.UserId,
        UserAadObjectId = update.UserAadObjectId ?? existing.UserAadObjectId,
        TeamId = update.TeamId ?? existing.TeamId,
        TeamsChannelId = update.TeamsChannelId ?? existing.TeamsChannelId,
        BotName = update.BotName ?? existing.BotName,
    };

    private static ConversationReferenceDocument Parse(StoredBlob blob)
    {
        ConversationReferenceDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(blob.Content.ToMemory().Span, ConversationReferenceJson.Default.ConversationReferenceDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The conversation reference '{blob.Name}' is not valid JSON: {e.Message}", e);
        }

        return document is { Schema: 1 }
            ? document
            : throw new InvalidDataException($"The conversation reference '{blob.Name}' has schema {document?.Schema.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}; this version reads schema 1.");
    }

    private static string StripThread(string conversationId)
    {
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Saved conversation reference {BlobName}.")]
    private static partial void LogSaved(ILogger logger, string blobName);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Gave up saving conversation reference {BlobName} after 5 lost races; the next activity of the conversation saves it.")]
    private static partial void LogGaveUp(ILogger logger, string blobName);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Conversation reference {BlobName} cannot be read; it is skipped.")]
    private static partial void LogUnreadable(ILogger logger, string blobName, Exception exception);
}
