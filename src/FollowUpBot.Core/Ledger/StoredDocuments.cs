using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FollowUpBot.Storage;

namespace FollowUpBot.Ledger;

/// <summary>A document and the ETag of the read (or write) that produced it.</summary>
internal sealed record StoredDocument<T>(string Name, T Document, string ETag)
{
    /// <summary>When the storage last wrote it (storage clock; known after a read, default after a write).</summary>
    public DateTimeOffset LastModified { get; init; }
}

/// <summary>A stored document that cannot be read: not JSON, not the expected shape, or a schema this build does not know.</summary>
internal sealed class StoredDocumentException : Exception
{
    public StoredDocumentException()
    {
        BlobName = string.Empty;
    }

    public StoredDocumentException(string message)
        : base(message)
    {
        BlobName = string.Empty;
    }

    public StoredDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        BlobName = string.Empty;
    }

    public StoredDocumentException(string blobName, string message, Exception? innerException = null)
        : base($"Blob '{blobName}': {message}", innerException)
    {
        BlobName = blobName;
    }

    public string BlobName { get; }
}

/// <summary>Reads and writes versioned documents through any <see cref="IBlobStore"/>.</summary>
internal static class StoredDocuments
{
    public static BinaryData Serialize<T>(T document, JsonTypeInfo<T> typeInfo)
        where T : IVersionedDocument =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, typeInfo));

    /// <summary>Parses a stored document; anything but a well-formed schema-1 document is a <see cref="StoredDocumentException"/> naming the blob.</summary>
    public static T Deserialize<T>(string blobName, BinaryData content, JsonTypeInfo<T> typeInfo)
        where T : IVersionedDocument
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(typeInfo);
        T? document;
        try
        {
            document = JsonSerializer.Deserialize(content.ToMemory().Span, typeInfo);
        }
        catch (JsonException e)
        {
            // A newer shape usually fails to bind; say so rather than report the first odd field.
            var schema = PeekSchema(content);
            throw schema is { } s && s != LedgerSchema.Current
                ? new StoredDocumentException(blobName, UnknownSchema(typeInfo, s), e)
                : new StoredDocumentException(blobName, $"not a valid {Describe(typeInfo)} document ({e.Message})", e);
        }

        if (document is null)
        {
            throw new StoredDocumentException(blobName, $"not a valid {Describe(typeInfo)} document (it is JSON null)");
        }

        return document.Schema == LedgerSchema.Current
            ? document
            : throw new StoredDocumentException(blobName, UnknownSchema(typeInfo, document.Schema));
    }

    public static async Task<StoredDocument<T>?> GetDocumentAsync<T>(this IBlobStore store, string name, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
        where T : IVersionedDocument
    {
        ArgumentNullException.ThrowIfNull(store);
        var blob = await store.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return blob is null ? null : new StoredDocument<T>(name, Deserialize(name, blob.Content, typeInfo), blob.ETag) { LastModified = blob.LastModified };
    }

    /// <summary>Writes a document under <paramref name="condition"/>; a lost condition is a <see cref="BlobConflictException"/>.</summary>
    public static async Task<StoredDocument<T>> PutDocumentAsync<T>(this IBlobStore store, string name, T document, JsonTypeInfo<T> typeInfo, BlobCondition condition, CancellationToken cancellationToken = default)
        where T : IVersionedDocument
    {
        ArgumentNullException.ThrowIfNull(store);
        var etag = await store.PutAsync(name, Serialize(document, typeInfo), condition, cancellationToken).ConfigureAwait(false);
        return new StoredDocument<T>(name, document, etag);
    }

    private static string UnknownSchema<T>(JsonTypeInfo<T> typeInfo, int schema) =>
        schema == 0
            ? $"{Describe(typeInfo)} document has no schema number; this build reads schema {LedgerSchema.Current}"
            : $"{Describe(typeInfo)} document has schema {schema}; this build reads schema {LedgerSchema.Current} only";

    private static string Describe<T>(JsonTypeInfo<T> typeInfo) => typeInfo.Type.Name;

    private static int? PeekSchema(BinaryData content)
    {
        try
        {
            using var json = JsonDocument.Parse(content.ToMemory());
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("schema", out var schema)
                && schema.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
