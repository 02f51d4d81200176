using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace FollowUpBot.Storage;

/// <summary>
/// The ledger in Azure Blob Storage (or Azurite). Conditions travel as HTTP preconditions, so the
/// service itself decides every race: If-Match with the ETag of the read that returned the content,
/// If-None-Match: * for create-only writes. 412 and 409 become <see cref="BlobConflictException"/>;
/// transient faults are retried by the SDK's policy, and what is left after that becomes
/// <see cref="BlobStoreException"/>, naming the blob.
/// </summary>
internal sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient _container;
    private volatile bool _containerReady;

    public AzureBlobStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    public Uri ContainerUri => _container.Uri;

    /// <summary>A store for the configured account: connection string, or account URL with <paramref name="credential"/> (DefaultAzureCredential when null).</summary>
    public static AzureBlobStore Create(StorageOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = ClientOptions(options);
        var service = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(
                options.AccountUrl ?? throw new InvalidOperationException("Storage:ConnectionString or Storage:AccountUrl is required for Azure Blob Storage."),
                credential ?? new DefaultAzureCredential(),
                clientOptions);
        return new AzureBlobStore(service.GetBlobContainerClient(options.Container));
    }

    /// <summary>
    /// A few quick retries and a bounded network timeout: a dead endpoint surfaces to the caller in
    /// seconds (the SDK's defaults would keep a request alive for minutes).
    /// </summary>
    public static BlobClientOptions ClientOptions(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        return clientOptions;
    }

    /// <summary>Creates the container when it is missing; every operation calls it once per store before its first request.</summary>
    public async Task EnsureContainerAsync(CancellationToken cancellationToken = default)
    {
        if (_containerReady)
        {
            return;
        }

        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created by another instance at the same moment (or being deleted, which the next request reports).
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw new BlobStoreException("container creation", _container.Name, e);
        }

        _containerReady = true;
    }

    public async Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var details = response.Value.Details;
            return new StoredBlob(name, response.Value.Content, Text(details.ETag), details.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw new BlobStoreException("read", name, e);
        }
    }

    public async Task<string> PutAsync(string name, BinaryData content, BlobCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = Blob(name);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions { Conditions = Conditions(condition) };
        try
        {
            var response = await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            return Text(response.Value.ETag);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 || (e.Status == 404 && condition.IfMatch is not null))
        {
            throw new BlobConflictException(name, condition, e);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw new BlobStoreException("write", name, e);
        }
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).AsPages().ConfigureAwait(false);
        await using var enumerator = pages.GetAsyncEnumerator();
        while (true)
        {
            Page<BlobItem> page;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }

                page = enumerator.Current;
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                throw new BlobStoreException("listing", prefix, e);
            }

            foreach (var item in page.Values)
            {
                yield return new BlobEntry(
                    item.Name,
                    item.Properties.ETag is { } etag ? Text(etag) : string.Empty,
                    item.Properties.ContentLength ?? 0,
                    item.Properties.LastModified ?? DateTimeOffset.MinValue);
            }
        }
    }

    public async Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var conditions = ifMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(ifMatch) };
        try
        {
            var response = await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions, cancellationToken).ConfigureAwait(false);
            return response.Value || ifMatch is null
                ? response.Value
                : throw new BlobConflictException(name, BlobCondition.Match(ifMatch)); // a missing blob matches no ETag, as for writes
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new BlobConflictException(name, BlobCondition.Match(ifMatch ?? "*"), e);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw new BlobStoreException("delete", name, e);
        }
    }

    public async Task<string?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        // Azure takes 15-60 s or infinite; rounding into that range keeps both backends callable with the same value.
        var seconds = Math.Clamp(duration.TotalSeconds, 15, 60);
        var blob = Blob(name);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var lease = blob.GetBlobLeaseClient(Guid.NewGuid().ToString());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var response = await lease.AcquireAsync(TimeSpan.FromSeconds(seconds), cancellationToken: cancellationToken).ConfigureAwait(false);
                return response.Value.LeaseId;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 404 && attempt == 0)
            {
                await CreateEmptyAsync(blob, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                throw new BlobStoreException("lease", name, e);
            }
        }
    }

    public async Task<bool> RenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await blob.GetBlobLeaseClient(leaseId).RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw new BlobStoreException("lease renewal", name, e);
        }
    }

    public async Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await blob.GetBlobLeaseClient(leaseId).ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            // Expired and taken by another holder, or gone: either way this holder has nothing to give up.
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw new BlobStoreException("lease release", name, e);
        }
    }

    private static async Task CreateEmptyAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another instance created it first; the lease attempt that follows decides.
        }
    }

    /// <summary>The service quotes ETags in headers but not in listings; callers always get the quoted form.</summary>
    private static string Text(ETag etag)
    {
        var text = etag.ToString();
        return text.StartsWith('"') ? text : $"\"{text}\"";
    }

    private static BlobRequestConditions? Conditions(BlobCondition condition) =>
        condition.IfNoneMatchAny ? new BlobRequestConditions { IfNoneMatch = ETag.All }
        : condition.IfMatch is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) }
        : null;

    /// <summary>What is left after the SDK's retries: HTTP errors, and network failures the retry policy gave up on.</summary>
    private static bool IsServiceFailure(Exception e) =>
        e is RequestFailedException or AggregateException or AuthenticationFailedException or HttpRequestException
        || (e is TaskCanceledException && e.InnerException is TimeoutException);

    private BlobClient Blob(string name)
    {
        BlobNames.Validate(name);
        return _container.GetBlobClient(name);
    }
}
