using System.Text.Json.Serialization;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Departments;

/// <summary><c>directory/departments.json</c>: the department directory as stored (DESIGN.md), with its schema number.</summary>
internal sealed record DirectoryDocument : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    public IReadOnlyList<Department> Departments { get; init; } = [];

    public DateTimeOffset? UpdatedAt { get; init; }

    public DepartmentDirectory ToDirectory() => new(Departments);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectoryDocument))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;

/// <summary>
/// The stored directory. The file (<c>FollowUp:DirectoryPath</c>) seeds it at start; after that the file's
/// departments, names, contacts and channels win, and aliases are the union of the file's and those organisers
/// taught the bot (mapping an unknown actor to a department). Writes are ETag-conditional.
/// </summary>
internal sealed class DirectoryStore(IBlobStore store, TimeProvider time)
{
    /// <summary>
    /// How long a read directory is reused. Every report checks the sender against it, so it is kept briefly in
    /// memory; a change made on another instance is seen within this time (on this one, at once).
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    // A reference, swapped whole, so concurrent readers never see half of an update.
    private volatile CachedDirectory? _cached;

    public async Task<DepartmentDirectory> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && time.GetElapsedTime(cached.ReadAt) < CacheFor)
        {
            return cached.Directory;
        }

        var readAt = time.GetTimestamp();
        var stored = await store.GetDocumentAsync(BlobNames.Directory, DirectoryJsonContext.Default.DirectoryDocument, cancellationToken).ConfigureAwait(false);
        var directory = stored?.Document.ToDirectory() ?? DepartmentDirectory.Empty;
        _cached = new CachedDirectory(directory, readAt);
        return directory;
    }

    private sealed record CachedDirectory(DepartmentDirectory Directory, long ReadAt);

    /// <summary>Brings the stored directory in line with the file, keeping learned aliases.</summary>
    public Task SeedAsync(DepartmentDirectory fromFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fromFile);
        return UpdateAsync(current =>
        {
            var learned = current.Departments.ToDictionary(d => d.Name, d => d.Aliases, StringComparer.Ordinal);
            return [.. fromFile.Departments.Select(d => d with
            {
                Aliases = [.. d.Aliases.Concat(learned.GetValueOrDefault(d.Name) ?? []).Distinct(StringComparer.Ordinal)],
            })];
        }, cancellationToken);
    }

    /// <summary>Remembers that an actor phrase means a department (the organiser mapped it on the review card).</summary>
    public Task AddAliasAsync(string department, string alias, CancellationToken cancellationToken = default) =>
        UpdateAsync(current => [.. current.Departments.Select(d =>
            d.Name == department && d.Name != alias && !d.Aliases.Contains(alias, StringComparer.Ordinal)
                ? d with { Aliases = [.. d.Aliases, alias] }
                : d)], cancellationToken);

    private async Task UpdateAsync(Func<DirectoryDocument, IReadOnlyList<Department>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetDocumentAsync(BlobNames.Directory, DirectoryJsonContext.Default.DirectoryDocument, cancellationToken).ConfigureAwait(false);
            var current = stored?.Document ?? new DirectoryDocument();
            var departments = change(current);
            if (stored is not null && Same(departments, current.Departments))
            {
                return;
            }

            var updated = current with { Departments = departments, UpdatedAt = time.GetUtcNow() };
            try
            {
                await store.PutDocumentAsync(BlobNames.Directory, updated, DirectoryJsonContext.Default.DirectoryDocument,
                    stored is null ? BlobCondition.CreateOnly : BlobCondition.Match(stored.ETag), cancellationToken).ConfigureAwait(false);
                _cached = new CachedDirectory(updated.ToDirectory(), time.GetTimestamp());
                return;
            }
            catch (BlobConflictException) when (attempt < 10)
            {
                // Another instance changed it: read again and re-apply.
            }
        }
    }

    private static bool Same(IReadOnlyList<Department> a, IReadOnlyList<Department> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name
            && p.First.Aliases.SequenceEqual(p.Second.Aliases)
            && p.First.Contacts.SequenceEqual(p.Second.Contacts)
            && p.First.Channel == p.Second.Channel);
}
