namespace FollowUpBot.Storage;

/// <summary>
/// The one storage abstraction of the ledger (DESIGN.md, "Data in blob storage"): blobs by name,
/// each with an ETag, written only under a condition. Azure Blob Storage and a local folder both
/// implement it with the same semantics, so every feature is written once.
/// </summary>
internal interface IBlobStore
{
    /// <summary>Reads a blob with the ETag of that same read, or null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a blob when <paramref name="condition"/> holds and returns the new ETag;
    /// throws <see cref="BlobConflictException"/> when it does not.
    /// </summary>
    Task<string> PutAsync(string name, BinaryData content, BlobCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Lists the blobs whose names start with <paramref name="prefix"/>, in ordinal name order.</summary>
    IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a blob; false when it did not exist. With <paramref name="ifMatch"/>, only that version:
    /// another version or a missing blob is a <see cref="BlobConflictException"/>.
    /// </summary>
    Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>Takes an exclusive lease on a blob (created empty when missing); null when another holder has it.</summary>
    Task<string?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease this holder has; false when it was lost.</summary>
    Task<bool> RenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default);

    /// <summary>Gives a lease up early so another instance can take over at once.</summary>
    Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default);
}

/// <summary>Blob content and the ETag of the same read.</summary>
internal sealed record StoredBlob(string Name, BinaryData Content, string ETag, DateTimeOffset LastModified);

/// <summary>One entry of a listing.</summary>
internal sealed record BlobEntry(string Name, string ETag, long Size, DateTimeOffset LastModified);

/// <summary>The precondition of a write: none, If-Match an ETag, or If-None-Match: * (create only).</summary>
internal readonly record struct BlobCondition
{
    private BlobCondition(string? ifMatch, bool ifNoneMatch)
    {
        IfMatch = ifMatch;
        IfNoneMatchAny = ifNoneMatch;
    }

    public string? IfMatch { get; }

    public bool IfNoneMatchAny { get; }

    public static BlobCondition None => default;

    public static BlobCondition CreateOnly => new(null, ifNoneMatch: true);

    public static BlobCondition Match(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(etag, ifNoneMatch: false);
    }

    public override string ToString() =>
        IfNoneMatchAny ? "If-None-Match: *" : IfMatch is null ? "unconditional" : $"If-Match: {IfMatch}";
}

/// <summary>A conditional write or delete lost: the blob exists (create-only) or changed (If-Match).</summary>
internal sealed class BlobConflictException : Exception
{
    public BlobConflictException()
    {
        BlobName = string.Empty;
    }

    public BlobConflictException(string message)
        : base(message)
    {
        BlobName = string.Empty;
    }

    public BlobConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        BlobName = string.Empty;
    }

    public BlobConflictException(string blobName, BlobCondition condition, Exception? innerException = null)
        : base($"The write to '{blobName}' lost its condition ({condition}).", innerException)
    {
        BlobName = blobName;
        Condition = condition;
    }

    public string BlobName { get; }

    public BlobCondition Condition { get; }

    /// <summary>True when a create-only write found the blob already there.</summary>
    public bool AlreadyExists => Condition.IfNoneMatchAny;
}

/// <summary>
/// A storage request failed for a reason other than its condition (the service could not be reached,
/// refused the credentials, or answered with an unexpected error) after the client's own retries.
/// Derives from <see cref="IOException"/> so callers can treat both backends' I/O failures alike.
/// </summary>
internal sealed class BlobStoreException : IOException
{
    public BlobStoreException()
    {
        BlobName = string.Empty;
    }

    public BlobStoreException(string message)
        : base(message)
    {
        BlobName = string.Empty;
    }

    public BlobStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
        BlobName = string.Empty;
    }

    public BlobStoreException(string operation, string blobName, Exception innerException)
        : base($"Storage {operation} of '{blobName}' failed: {innerException?.Message}", innerException)
    {
        BlobName = blobName;
    }

    public string BlobName { get; }
}
