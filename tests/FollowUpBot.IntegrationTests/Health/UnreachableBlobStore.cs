using FollowUpBot.Storage;

namespace FollowUpBot.IntegrationTests.Health;

/// <summary>A store whose every call fails the way a storage outage does, with a long multi-line message.</summary>
internal sealed class UnreachableBlobStore : IBlobStore
{
    private static IOException Outage() =>
        new IOException("Connection refused (storage.example.test:443)\n   at a frame an operator must not see\n   at another frame");

    public Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken = default) => throw Outage();

    public Task<string> PutAsync(string name, BinaryData content, BlobCondition condition, CancellationToken cancellationToken = default) => throw Outage();

    public IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken cancellationToken = default) => throw Outage();

    public Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default) => throw Outage();

    public Task<string?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default) => throw Outage();

    public Task<bool> RenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => throw Outage();

    public Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => throw Outage();
}
