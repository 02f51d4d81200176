using System.Text.Json.Serialization.Metadata;
using FollowUpBot.Storage;

namespace FollowUpBot.Ledger;

/// <summary>
/// The indexes that answer per-message questions in one read whatever the ledger's size: a department's open
/// items (<c>index/departments/{department}.json</c>), the meetings' headers (<c>index/meetings.json</c>) and the
/// requests waiting for an organiser (<c>index/pending.json</c>). They are kept by <see cref="MeetingLedger"/>
/// after each meeting write that changes what they hold, written If-Match, and rebuilt from the meetings when lost.
/// Which departments a contact belongs to comes from the cached directory, so a directory change needs no rebuild.
/// </summary>
internal sealed class LedgerIndex(IBlobStore store)
{
    private const int MaxAttempts = 50;
    private const int TaskLength = 60;

    /// <summary>The open items of these departments (one read per department), newest meetings first.</summary>
    public async Task<List<(OpenItemEntry Entry, string Department)>> OpenItemsAsync(IEnumerable<string> departments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var open = new List<(OpenItemEntry, string)>();
        foreach (var department in departments.Distinct(StringComparer.Ordinal))
        {
            var index = await store.GetDocumentAsync(BlobNames.DepartmentIndex(department), LedgerJsonContext.Default.DepartmentIndexDocument, cancellationToken).ConfigureAwait(false);
            open.AddRange((index?.Document.Items ?? []).Select(e => (e, department)));
        }

        return [.. open.OrderByDescending(o => o.Item1.PublishedAt).ThenBy(o => o.Item1.MeetingId, StringComparer.Ordinal).ThenBy(o => o.Item1.Number)];
    }

    /// <summary>Every meeting's header (one read).</summary>
    public async Task<IReadOnlyList<MeetingEntry>> MeetingsAsync(CancellationToken cancellationToken = default) =>
        (await store.GetDocumentAsync(BlobNames.MeetingsIndex, LedgerJsonContext.Default.MeetingsIndexDocument, cancellationToken).ConfigureAwait(false))?.Document.Meetings ?? [];

    /// <summary>Every meeting's header as a meeting document without items (one read): for lists and choosers.</summary>
    public async Task<IReadOnlyList<MeetingDocument>> MeetingHeadersAsync(CancellationToken cancellationToken = default) =>
        [.. (await MeetingsAsync(cancellationToken).ConfigureAwait(false)).Select(HeaderDocument)];

    /// <summary>A header as a meeting document without items.</summary>
    public static MeetingDocument HeaderDocument(MeetingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new MeetingDocument
        {
            Id = entry.Id,
            Title = entry.Title,
            State = entry.State,
            Organiser = entry.Organiser,
            MeetingDate = entry.MeetingDate,
            TimeZone = entry.TimeZone,
            CreatedAt = entry.CreatedAt,
            PublishedAt = entry.PublishedAt,
            Revision = entry.Revision,
        };
    }

    /// <summary>Whether the meetings index exists (a ledger written before the indexes has none: rebuild it).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await store.GetAsync(BlobNames.MeetingsIndex, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Creates an empty meetings index when there is none (it marks the indexes as built).</summary>
    public async Task EnsureExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PutDocumentAsync(BlobNames.MeetingsIndex, new MeetingsIndexDocument(), LedgerJsonContext.Default.MeetingsIndexDocument, BlobCondition.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException e) when (e.AlreadyExists)
        {
            // Built already.
        }
    }

    /// <summary>The requests waiting for an organiser (one read), oldest first.</summary>
    public async Task<IReadOnlyList<PendingEntry>> PendingAsync(CancellationToken cancellationToken = default) =>
        (await store.GetDocumentAsync(BlobNames.PendingIndex, LedgerJsonContext.Default.PendingIndexDocument, cancellationToken).ConfigureAwait(false))?.Document.Requests ?? [];

    /// <summary>
    /// Brings the indexes in line with a meeting write. With <paramref name="before"/>, only the indexes whose entries for
    /// this meeting changed are read and written (usually none: a report that keeps the status changes no index); with
    /// null (a rebuild or a repair), every index the meeting touches is compared and fixed.
    /// </summary>
    public async Task SyncAsync(MeetingDocument? before, MeetingDocument after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(after);
        var departments = DepartmentsOf(after).Union(before is null ? [] : DepartmentsOf(before), StringComparer.Ordinal);
        foreach (var department in departments)
        {
            var entries = OpenEntries(after, department);
            if (before is not null && entries.SequenceEqual(OpenEntries(before, department)))
            {
                continue;
            }

            await UpdateAsync(BlobNames.DepartmentIndex(department), LedgerJsonContext.Default.DepartmentIndexDocument, () => new DepartmentIndexDocument { Department = department }, index =>
            {
                if (Unchanged(index.Items.Where(e => e.MeetingId == after.Id), index.Revisions, after, entries))
                {
                    return null;
                }

                var (items, revisions) = (index.Items.ToList(), new Dictionary<string, long>(index.Revisions, StringComparer.Ordinal));
                return ReplaceMeeting(items, revisions, after, entries, e => e.MeetingId) ? index with { Items = items, Revisions = revisions } : null;
            }, cancellationToken).ConfigureAwait(false);
        }

        var header = Header(after);
        if (before is null || Header(before) with { Revision = 0 } != header with { Revision = 0 })
        {
            await UpdateAsync(BlobNames.MeetingsIndex, LedgerJsonContext.Default.MeetingsIndexDocument, () => new MeetingsIndexDocument(), index =>
            {
                var current = index.Meetings.FirstOrDefault(m => m.Id == after.Id);
                if (current is not null && (current.Revision > after.Revision || current == header))
                {
                    return null;
                }

                return index with { Meetings = [.. index.Meetings.Where(m => m.Id != after.Id), header] };
            }, cancellationToken).ConfigureAwait(false);
        }

        var pending = PendingEntries(after);
        if (before is null || !pending.SequenceEqual(PendingEntries(before)))
        {
            await UpdateAsync(BlobNames.PendingIndex, LedgerJsonContext.Default.PendingIndexDocument, () => new PendingIndexDocument(), index =>
            {
                if (Unchanged(index.Requests.Where(r => r.MeetingId == after.Id), index.Revisions, after, pending))
                {
                    return null;
                }

                var (requests, revisions) = (index.Requests.ToList(), new Dictionary<string, long>(index.Revisions, StringComparer.Ordinal));
                return ReplaceMeeting(requests, revisions, after, pending, r => r.MeetingId) ? index with { Requests = requests, Revisions = revisions } : null;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a revisioned index already holds these entries of the meeting, or newer ones: nothing to write.</summary>
    private static bool Unchanged<T>(IEnumerable<T> current, IReadOnlyDictionary<string, long> revisions, MeetingDocument meeting, List<T> entries)
    {
        var known = revisions.GetValueOrDefault(meeting.Id, -1);
        return known > meeting.Revision || (current.SequenceEqual(entries) && (known == meeting.Revision || entries.Count == 0));
    }

    /// <summary>
    /// Puts a meeting's entries in place of its stored ones in a revisioned index, unless the stored ones come from a newer
    /// revision (a live write won meanwhile); a meeting with no entries leaves no revision behind.
    /// </summary>
    private static bool ReplaceMeeting<T>(List<T> items, Dictionary<string, long> revisions, MeetingDocument meeting, List<T> entries, Func<T, string> meetingOf)
    {
        if (revisions.GetValueOrDefault(meeting.Id, -1) > meeting.Revision)
        {
            return false;
        }

        items.RemoveAll(e => meetingOf(e) == meeting.Id);
        items.AddRange(entries);
        if (entries.Count > 0)
        {
            revisions[meeting.Id] = meeting.Revision;
        }
        else
        {
            revisions.Remove(meeting.Id);
        }

        return true;
    }

    /// <summary>
    /// Rebuilds every index from these meetings with one write per index document (not one per meeting): entries of a
    /// meeting replace the stored ones unless the stored ones come from a newer revision (a live write won meanwhile).
    /// </summary>
    public async Task RebuildAsync(IReadOnlyList<MeetingDocument> meetings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var byDepartment = meetings.SelectMany(m => DepartmentsOf(m).Select(d => (Department: d, Meeting: m)))
            .GroupBy(x => x.Department, StringComparer.Ordinal);
        foreach (var group in byDepartment)
        {
            var department = group.Key;
            var rebuilt = group.Select(x => x.Meeting).ToList();
            await UpdateAsync(BlobNames.DepartmentIndex(department), LedgerJsonContext.Default.DepartmentIndexDocument, () => new DepartmentIndexDocument { Department = department }, index =>
            {
                var revisions = new Dictionary<string, long>(index.Revisions, StringComparer.Ordinal);
                var items = index.Items.ToList();
                foreach (var meeting in rebuilt)
                {
                    ReplaceMeeting(items, revisions, meeting, OpenEntries(meeting, department), e => e.MeetingId);
                }

                return index with { Items = items, Revisions = revisions };
            }, cancellationToken).ConfigureAwait(false);
        }

        await UpdateAsync(BlobNames.MeetingsIndex, LedgerJsonContext.Default.MeetingsIndexDocument, () => new MeetingsIndexDocument(), index =>
        {
            var headers = index.Meetings.ToDictionary(m => m.Id, StringComparer.Ordinal);
            foreach (var meeting in meetings.Where(m => !headers.TryGetValue(m.Id, out var h) || h.Revision <= m.Revision))
            {
                headers[meeting.Id] = Header(meeting);
            }

            return index with { Meetings = [.. headers.Values.OrderBy(h => h.CreatedAt).ThenBy(h => h.Id, StringComparer.Ordinal)] };
        }, cancellationToken).ConfigureAwait(false);

        await UpdateAsync(BlobNames.PendingIndex, LedgerJsonContext.Default.PendingIndexDocument, () => new PendingIndexDocument(), index =>
        {
            var revisions = new Dictionary<string, long>(index.Revisions, StringComparer.Ordinal);
            var requests = index.Requests.ToList();
            foreach (var meeting in meetings)
            {
                ReplaceMeeting(requests, revisions, meeting, PendingEntries(meeting), r => r.MeetingId);
            }

            return index with { Requests = requests, Revisions = revisions };
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The departments a meeting's items name (lead, support, and any with history).</summary>
    public static IEnumerable<string> DepartmentsOf(MeetingDocument meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.Items.SelectMany(i => i.Lead.Concat(i.Support).Concat(i.Departments.Select(d => d.Department))).Distinct(StringComparer.Ordinal);
    }

    /// <summary>The open items of one department in one meeting: published, the item and the department's part not closed.</summary>
    public static List<OpenItemEntry> OpenEntries(MeetingDocument meeting, string department)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.State != MeetingState.Published)
        {
            return [];
        }

        var entries = new List<OpenItemEntry>();
        foreach (var item in meeting.Items)
        {
            var isLead = item.Lead.Contains(department, StringComparer.Ordinal);
            if (!isLead && !item.Support.Contains(department, StringComparer.Ordinal))
            {
                continue;
            }

            var status = item.FindDepartment(department)?.Status ?? ProgressStatus.NotStarted;
            if (item.Status == ProgressStatus.Closed || status == ProgressStatus.Closed)
            {
                continue;
            }

            entries.Add(new OpenItemEntry
            {
                MeetingId = meeting.Id,
                MeetingTitle = meeting.Title,
                PublishedAt = meeting.PublishedAt,
                ItemId = item.Id,
                Number = item.Number,
                // Enough to recognise the item on a "which item?" button; the index stays small for busy departments.
                Task = item.Task.Length > TaskLength ? item.Task[..TaskLength] : item.Task,
                Due = item.CurrentDue,
                Role = isLead ? DepartmentRole.Lead : DepartmentRole.Support,
                Status = status,
            });
        }

        return entries;
    }

    public static MeetingEntry Header(MeetingDocument meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new MeetingEntry
        {
            Id = meeting.Id,
            Title = meeting.Title,
            State = meeting.State,
            Organiser = meeting.Organiser,
            MeetingDate = meeting.MeetingDate,
            TimeZone = meeting.TimeZone,
            CreatedAt = meeting.CreatedAt,
            PublishedAt = meeting.PublishedAt,
            Items = meeting.Items.Count,
            Revision = meeting.Revision,
            Totals = MeetingTotals.Of(meeting),
        };
    }

    /// <summary>The completion and extension requests of a published meeting that wait for an organiser.</summary>
    public static List<PendingEntry> PendingEntries(MeetingDocument meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var pending = new List<PendingEntry>();
        if (meeting.State != MeetingState.Published)
        {
            return pending;
        }

        foreach (var item in meeting.Items)
        {
            foreach (var department in item.Departments)
            {
                if (department.Status == ProgressStatus.CompletionRequested)
                {
                    pending.Add(new PendingEntry
                    {
                        MeetingId = meeting.Id, MeetingTitle = meeting.Title, ItemId = item.Id, Number = item.Number, Task = item.Task,
                        Department = department.Department, IsExtension = false, Record = department.Record ?? string.Empty,
                        By = department.By, At = department.At, Note = department.Note,
                    });
                }

                if (department.Extension is { Outcome: ExtensionOutcome.Pending } extension)
                {
                    pending.Add(new PendingEntry
                    {
                        MeetingId = meeting.Id, MeetingTitle = meeting.Title, ItemId = item.Id, Number = item.Number, Task = item.Task,
                        Department = department.Department, IsExtension = true, Record = extension.Record,
                        By = extension.By, At = extension.At, RequestedDue = extension.RequestedDue, Note = extension.Reason,
                    });
                }
            }
        }

        return pending;
    }

    /// <summary>Read, change, write If-Match (create-only when missing); a lost race reads again. A change returning null writes nothing.</summary>
    private async Task UpdateAsync<T>(string name, JsonTypeInfo<T> typeInfo, Func<T> create, Func<T, T?> change, CancellationToken cancellationToken)
        where T : class, IVersionedDocument
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetDocumentAsync(name, typeInfo, cancellationToken).ConfigureAwait(false);
            var changed = change(current?.Document ?? create());
            if (changed is null)
            {
                return;
            }

            try
            {
                await store.PutDocumentAsync(name, changed, typeInfo, current is null ? BlobCondition.CreateOnly : BlobCondition.Match(current.ETag), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (BlobConflictException) when (attempt < MaxAttempts)
            {
#pragma warning disable CA5394 // Jitter, not security.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(5 * attempt, 50))), cancellationToken).ConfigureAwait(false);
#pragma warning restore CA5394
            }
        }
    }
}
