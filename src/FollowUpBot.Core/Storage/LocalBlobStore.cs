using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Storage;

/// <summary>
/// The embedded default: a file per blob under a data folder, with the same conditional-write
/// semantics as Azure Blob Storage. Each write takes an exclusive lock file for its blob
/// (an OS file lock, so it holds across processes), checks the condition, writes a temp file and
/// renames it into place, so readers only ever see whole documents.
/// </summary>
internal sealed partial class LocalBlobStore : IBlobStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest finite lease Azure grants: how long a lease whose file is corrupt is taken to be held.</summary>
    private static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromSeconds(60);
    private readonly ILogger _logger;
    private readonly string _blobRoot;
    private readonly string _lockRoot;
    private readonly string _tempRoot;
    private readonly TimeProvider _time;

    public LocalBlobStore(string rootPath, TimeProvider? timeProvider = null, ILogger<LocalBlobStore>? logger = null)
    {
        _logger = logger ?? NullLogger<LocalBlobStore>.Instance;
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        RootPath = Path.GetFullPath(rootPath);
        _blobRoot = Path.Combine(RootPath, "blobs");
        _lockRoot = Path.Combine(RootPath, ".locks");
        _tempRoot = Path.Combine(RootPath, ".tmp");
        _time = timeProvider ?? TimeProvider.System;
        // Folders are made on first write, not here: a store that can't write must not stop the app from
        // starting; /readyz reports it instead.
    }

    public string RootPath { get; }

    public async Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return new StoredBlob(name, BinaryData.FromBytes(bytes), ETagOf(bytes), File.GetLastWriteTimeUtc(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // A missing blob, unless the data folder itself is unusable: that is an error to report, not a miss.
            if (File.Exists(RootPath))
            {
                throw new IOException($"The local storage folder {RootPath} is a file, not a folder (Storage:LocalPath).", e);
            }

            return null;
        }
    }

    public async Task<string> PutAsync(string name, BinaryData content, BlobCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(name);
        using var gate = await LockAsync(name, cancellationToken).ConfigureAwait(false);
        CheckCondition(name, path, condition);
        var bytes = content.ToMemory();
        await WriteFileAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        return ETagOf(bytes.Span);
    }

    /// <summary>Writes a whole file under a temp name, flushes it to disk, then renames it over the target (atomic on one volume).</summary>
    private async Task WriteFileAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(_tempRoot);
        var temp = Path.Combine(_tempRoot, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            // A blob's time is the store's clock, as Azure's is the service's: the file's time is set
            // before the rename, so the blob never shows another one.
            File.SetLastWriteTimeUtc(temp, _time.GetUtcNow().UtcDateTime);

            // Once the lock is held the write must not stop half-way: no cancellation from here on.
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        // Start at the deepest folder the prefix names, then filter by the whole prefix.
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? _blobRoot : Path.Combine(_blobRoot, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var names = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_blobRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blob = await GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (blob is not null)
            {
                yield return new BlobEntry(name, blob.ETag, blob.Content.ToMemory().Length, blob.LastModified);
            }
        }
    }

    public async Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        using var gate = await LockAsync(name, cancellationToken).ConfigureAwait(false);
        if (!File.Exists(path))
        {
            // A missing blob matches no ETag, as for writes.
            return ifMatch is null ? false : throw new BlobConflictException(name, BlobCondition.Match(ifMatch));
        }

        if (ifMatch is not null)
        {
            CheckCondition(name, path, BlobCondition.Match(ifMatch));
        }

        File.Delete(path);
        return true;
    }

    public async Task<string?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var leasePath = LeasePathOf(name);
        using var gate = await LockAsync(name, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var current = ReadLease(name, leasePath);
        if (current is not null && current.Expires > now)
        {
            return null;
        }

        var id = Guid.NewGuid().ToString();
        WriteLease(leasePath, new LeaseFile(id, now + duration, duration));
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            // Azure leases need a blob to lease; keep the same visible effect here.
            await WriteFileAsync(path, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }

        return id;
    }

    public async Task<bool> RenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default)
    {
        var leasePath = LeasePathOf(name);
        using var gate = await LockAsync(name, cancellationToken).ConfigureAwait(false);
        var current = ReadLease(name, leasePath);
        var now = _time.GetUtcNow();
        // As in Azure, an expired lease can still be renewed by its holder until someone else takes it.
        if (current is null || current.Id != leaseId)
        {
            return false;
        }

        WriteLease(leasePath, current with { Expires = now + current.Duration });
        return true;
    }

    public async Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default)
    {
        var leasePath = LeasePathOf(name);
        using var gate = await LockAsync(name, cancellationToken).ConfigureAwait(false);
        if (ReadLease(name, leasePath)?.Id == leaseId)
        {
            File.Delete(leasePath);
        }
    }

    internal static string ETagOf(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        return "\"" + Convert.ToHexStringLower(hash[..12]) + "\"";
    }

    private static void CheckCondition(string name, string path, BlobCondition condition)
    {
        if (condition.IfNoneMatchAny)
        {
            if (File.Exists(path))
            {
                throw new BlobConflictException(name, condition);
            }
        }
        else if (condition.IfMatch is { } expected)
        {
            string? actual = null;
            try
            {
                actual = ETagOf(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // A blob that is gone matches no ETag.
            }

            if (actual != expected)
            {
                throw new BlobConflictException(name, condition);
            }
        }
    }

    private string PathOf(string name)
    {
        BlobNames.Validate(name);
        return Path.Combine(_blobRoot, name.Replace('/', Path.DirectorySeparatorChar));
    }

    private string LockPathOf(string name) => Path.Combine(_lockRoot, HashName(name) + ".lock");

    private string LeasePathOf(string name) => Path.Combine(_lockRoot, HashName(name) + ".lease");

    private static string HashName(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16]);

    private async Task<IDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        var lockPath = LockPathOf(name);
        Directory.CreateDirectory(_lockRoot);
        var started = TimeProvider.System.GetTimestamp();
        var delay = 1;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive OS lock (flock on Unix): it holds against other processes too.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (TimeProvider.System.GetElapsedTime(started) < LockTimeout)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 20);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Timed out waiting for the lock of '{name}' under {RootPath}.", e);
            }
        }
    }

    /// <summary>
    /// The lease on a blob, or null when it has none. Called under the blob's lock. A lease file that cannot be
    /// read (a crash mid-write on a disk without atomic rename, a hand edit) does not say who holds the lease or
    /// until when, so it is not taken as free: it is logged and rewritten as held by nobody known for the longest
    /// lease Azure grants. Its holder's renewals then fail (it stops leading) and after that time anyone may take it.
    /// </summary>
    private LeaseFile? ReadLease(string name, string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            var lease = JsonSerializer.Deserialize(bytes, StorageJsonContext.Default.LeaseFile);
            if (lease is { Id.Length: > 0 })
            {
                return lease;
            }
        }
        catch (JsonException e)
        {
            LogCorruptLease(_logger, name, path, e);
        }

        var unknown = new LeaseFile("unknown-" + Guid.NewGuid().ToString("N"), _time.GetUtcNow() + MaxLeaseDuration, MaxLeaseDuration);
        WriteLease(path, unknown);
        LogLeaseHeldByUnknown(_logger, name, unknown.Expires);
        return unknown;
    }

    private void WriteLease(string path, LeaseFile lease)
    {
        Directory.CreateDirectory(_tempRoot);
        var temp = Path.Combine(_tempRoot, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(lease, StorageJsonContext.Default.LeaseFile));
        File.Move(temp, path, overwrite: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless; the next write uses a new name.
        }
    }

    internal sealed record LeaseFile(string Id, DateTimeOffset Expires, TimeSpan Duration);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "The lease file {LeasePath} of {BlobName} cannot be read.")]
    private static partial void LogCorruptLease(ILogger logger, string blobName, string leasePath, Exception exception);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "The lease on {BlobName} had no readable holder; it is taken as held until {Expires:O}, then free.")]
    private static partial void LogLeaseHeldByUnknown(ILogger logger, string blobName, DateTimeOffset expires);
}
