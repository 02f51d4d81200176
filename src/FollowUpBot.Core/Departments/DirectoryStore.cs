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
        if (stored is null)
        {
            // Not written yet (an instance starting while the file seeds it): remembering "no directory" for
            // half a minute would refuse every contact that long, so the next read asks again.
            return DepartmentDirectory.Empty;
        }

        var directory = stored.Document.ToDirectory();
        _cached = new CachedDirectory(directory, readAt);
        return directory;
    }

    private sealed record CachedDirectory(DepartmentDirectory Directory, long ReadAt);

    /// <summary>
    /// Brings the stored directory in line with the file, keeping learned aliases, contacts synced from Entra ID or
    /// added in chat, and a group an organiser linked in chat when the file names none.
    /// </summary>
    public Task SeedAsync(DepartmentDirectory fromFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fromFile);
        return UpdateAsync(current =>
        {
            var stored = current.Departments.ToDictionary(d => d.Name, StringComparer.Ordinal);
            return [.. fromFile.Departments.Select(d =>
            {
                var before = stored.GetValueOrDefault(d.Name);
                var fileContacts = d.Contacts.Select(c => c with { Source = null }).ToList();
                var kept = (before?.Contacts ?? []).Where(c => !c.IsFrom(ContactSources.File) && !fileContacts.Any(f => f.AadObjectId == c.AadObjectId));
                return d with
                {
                    Aliases = [.. d.Aliases.Concat(before?.Aliases ?? []).Distinct(StringComparer.Ordinal)],
                    Contacts = [.. fileContacts, .. kept],
                    GroupId = d.GroupId ?? before?.GroupId,
                    DepartmentAttribute = d.DepartmentAttribute ?? before?.DepartmentAttribute,
                };
            })];
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces the synced contacts of the departments in <paramref name="synced"/> (group members and users with the
    /// department attribute, as Microsoft Graph listed them just now); contacts from the file or added in chat stay.
    /// Departments missing from <paramref name="synced"/> (their listing failed) keep what they had.
    /// </summary>
    public Task ApplySyncAsync(IReadOnlyDictionary<string, IReadOnlyList<Contact>> synced, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synced);
        return UpdateAsync(current => [.. current.Departments.Select(d =>
        {
            if (!synced.TryGetValue(d.Name, out var members))
            {
                return d;
            }

            var kept = d.Contacts.Where(c => !ContactSources.IsSynced(c)).ToList();
            var added = members.Where(m => !kept.Any(k => k.AadObjectId == m.AadObjectId)).DistinctBy(m => m.AadObjectId);
            return d with { Contacts = [.. kept, .. added] };
        })], cancellationToken);
    }

    /// <summary>Adds (or renames) a contact of a department; false when the department is not in the directory.</summary>
    public async Task<bool> AddContactAsync(string department, Contact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var found = false;
        await UpdateAsync(current => [.. current.Departments.Select(d =>
        {
            if (d.Name != department)
            {
                return d;
            }

            found = true;
            return d with { Contacts = [.. d.Contacts.Where(c => c.AadObjectId != contact.AadObjectId), contact] };
        })], cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>Removes a contact from a department; false when they were not one of its contacts.</summary>
    public async Task<bool> RemoveContactAsync(string department, string aadObjectId, CancellationToken cancellationToken = default)
    {
        var found = false;
        await UpdateAsync(current => [.. current.Departments.Select(d =>
        {
            if (d.Name != department || !d.Contacts.Any(c => c.AadObjectId == aadObjectId))
            {
                return d;
            }

            found = true;
            return d with { Contacts = [.. d.Contacts.Where(c => c.AadObjectId != aadObjectId)] };
        })], cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>Makes an Entra group the source of a department's contacts (the next sync reads its members).</summary>
    public async Task<bool> LinkGroupAsync(string department, string groupId, CancellationToken cancellationToken = default)
    {
        var found = false;
        await UpdateAsync(current => [.. current.Departments.Select(d =>
        {
            if (d.Name != department)
            {
                return d;
            }

            found = true;
            return d with { GroupId = groupId };
        })], cancellationToken).ConfigureAwait(false);
        return found;
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
            var readAt = time.GetTimestamp();
            var stored = await store.GetDocumentAsync(BlobNames.Directory, DirectoryJsonContext.Default.DirectoryDocument, cancellationToken).ConfigureAwait(false);
            var current = stored?.Document ?? new DirectoryDocument();
            var departments = change(current);
            if (stored is not null && Same(departments, current.Departments))
            {
                // Nothing to change (another instance wrote the same), but what was just read is the newest there is.
                _cached = new CachedDirectory(current.ToDirectory(), readAt);
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
            && p.First.Channel == p.Second.Channel
            && p.First.GroupId == p.Second.GroupId
            && p.First.DepartmentAttribute == p.Second.DepartmentAttribute);
}
