using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FollowUpBot.Storage;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.Ledger;

/// <summary>The outcome of an append: where the record is, whether an earlier attempt had stored it, and the meeting after it was applied.</summary>
internal sealed record ProgressAppendResult(string RecordName, bool AlreadyStored, StoredDocument<MeetingDocument> Meeting);

/// <summary>A progress record this process stored (or found stored by an earlier attempt), not yet applied to the meeting.</summary>
/// <param name="StoredAt">When the storage wrote it, when known (a record found already stored); else null.</param>
/// <param name="Age">How long ago it was stored, as far as the caller knows (for the compaction watermark).</param>
internal sealed record StoredProgress(string Name, ProgressRecord Record, bool AlreadyStored, DateTimeOffset? StoredAt, TimeSpan Age = default)
{
    private (string Name, string Key, string UpdateId)? _keys;

    /// <summary>The record's key (its file name without <c>.json</c>); worked out once, as views read it for every report.</summary>
    public string Key => Keys().Key;

    /// <summary>The update id part of <see cref="Key"/>, as an item's applied ids hold it.</summary>
    public string UpdateId => Keys().UpdateId;

    private (string Name, string Key, string UpdateId) Keys()
    {
        // Tied to the name it was worked out from, so a copy made with another name works its own out.
        if (_keys is not { } keys || !ReferenceEquals(keys.Name, Name))
        {
            var key = MeetingProjection.KeyOf(Name);
            keys = (Name, key, MeetingProjection.UpdateIdOf(key));
            _keys = keys;
        }

        return keys;
    }
}

/// <summary>A projection write: the meeting it started from, the meeting written, and how many records were new to it.</summary>
internal sealed record ProjectionResult(MeetingDocument Before, StoredDocument<MeetingDocument> Meeting, int Applied);

/// <summary>What a reconciliation pass did: records it applied, and records it could not read (each named).</summary>
internal sealed record ReconcileResult(int Applied, IReadOnlyList<string> Unreadable);

/// <summary>A ledger operation that cannot be done as asked (missing meeting or item, a different record under the same name, endless contention).</summary>
internal sealed class LedgerException : Exception
{
    public LedgerException()
    {
    }

    public LedgerException(string message)
        : base(message)
    {
    }

    public LedgerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The follow-up ledger (督办台账) on an <see cref="IBlobStore"/>: meetings, their source text and
/// the append-only progress records, with <c>meeting.json</c> kept as the projection of the records.
/// Thread-safe; one instance per process. Appends to one meeting made at the same time in this
/// process are applied to <c>meeting.json</c> in one write (group commit); writes from other
/// processes are ordered by the ETag, the loser re-reading and re-applying.
/// </summary>
internal sealed partial class MeetingLedger
{
    private const int MaxAttempts = 100;
    private readonly IBlobStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<MeetingLedger> _logger;
    private readonly ConcurrentDictionary<string, ApplyQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (StoredDocument<MeetingDocument> Meeting, long ReadAt)> _recent = new(StringComparer.Ordinal);

    /// <summary>
    /// How long after a record was stored the reconciler may fold its id into
    /// <see cref="MeetingDocument.AppliedBefore"/>, which keeps <c>meeting.json</c> from growing with
    /// every report. It must exceed any clock difference among the storage's servers; whole seconds.
    /// </summary>
    public TimeSpan CompactionGrace { get; init; } = TimeSpan.FromMinutes(5);

    public MeetingLedger(IBlobStore store, TimeProvider timeProvider, ILogger<MeetingLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _time = timeProvider;
        _logger = logger;
        Index = new LedgerIndex(store);
        Journal = new ChangeJournal(store, timeProvider);
    }

    /// <summary>The indexes kept in step with every meeting write of this ledger.</summary>
    public LedgerIndex Index { get; }

    /// <summary>Which meetings changed in which hour (for the reconciler).</summary>
    public ChangeJournal Journal { get; }

    /// <summary>Stores the source text (create-only; the same text again is accepted) and then the new meeting (create-only).</summary>
    public async Task<StoredDocument<MeetingDocument>> CreateMeetingAsync(MeetingDocument meeting, string sourceText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(sourceText);
        ArgumentException.ThrowIfNullOrEmpty(meeting.Id);
        var duplicate = meeting.Items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Meeting '{meeting.Id}' has two items with the id '{duplicate.Key}'.", nameof(meeting));
        }

        // The source goes first, so a meeting.json never points at a missing source.
        var sourceName = BlobNames.MeetingSource(meeting.Id);
        var source = BinaryData.FromString(sourceText);
        try
        {
            await _store.PutAsync(sourceName, source, BlobCondition.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException e) when (e.AlreadyExists)
        {
            var existing = await _store.GetAsync(sourceName, cancellationToken).ConfigureAwait(false);
            if (existing is null || !existing.Content.ToMemory().Span.SequenceEqual(source.ToMemory().Span))
            {
                throw new LedgerException($"Meeting '{meeting.Id}' already has a different source text ('{sourceName}' is immutable).", e);
            }
        }

        var document = MeetingProjection.Normalize(meeting with
        {
            Schema = LedgerSchema.Current,
            CreatedAt = meeting.CreatedAt == default ? _time.GetUtcNow() : meeting.CreatedAt,
            Revision = 1,
        });
        await Journal.TouchAsync(meeting.Id, cancellationToken).ConfigureAwait(false);
        var created = await _store.PutDocumentAsync(BlobNames.Meeting(meeting.Id), document, LedgerJsonContext.Default.MeetingDocument, BlobCondition.CreateOnly, cancellationToken)
            .ConfigureAwait(false);
        LogMeetingCreated(meeting.Id, meeting.Items.Count);
        await WrittenAsync(document with { Items = [], State = MeetingState.Draft, Title = string.Empty }, created, cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>The meeting with its items' current state (one read), or null.</summary>
    public async Task<StoredDocument<MeetingDocument>?> GetMeetingAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var read = await _store.GetDocumentAsync(BlobNames.Meeting(meetingId), LedgerJsonContext.Default.MeetingDocument, cancellationToken).ConfigureAwait(false);
        if (read is not null)
        {
            Remember(read);
        }

        return read;
    }

    /// <summary>
    /// The meeting as this process last read or wrote it, if that was less than <paramref name="maxAge"/> ago; else one
    /// read. For the per-message path: what another instance wrote since shows after at most <paramref name="maxAge"/>.
    /// </summary>
    public async Task<StoredDocument<MeetingDocument>?> GetRecentMeetingAsync(string meetingId, TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        if (_recent.TryGetValue(meetingId, out var recent) && _time.GetElapsedTime(recent.ReadAt) < maxAge)
        {
            return recent.Meeting;
        }

        return await GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the newest revision seen of a meeting for <see cref="GetRecentMeetingAsync"/>.</summary>
    private void Remember(StoredDocument<MeetingDocument> meeting)
    {
        var now = _time.GetTimestamp();
        _recent.AddOrUpdate(meeting.Document.Id, (meeting, now), (_, old) => old.Meeting.Document.Revision > meeting.Document.Revision ? old with { ReadAt = now } : (meeting, now));
    }

    /// <summary>After a meeting write: remembered, and the indexes brought in line (a failure there is repaired by the reconciler from the journal).</summary>
    private async Task WrittenAsync(MeetingDocument before, StoredDocument<MeetingDocument> written, CancellationToken cancellationToken)
    {
        Remember(written);
        try
        {
            await Index.SyncAsync(before, written.Document, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogIndexFailed(e, written.Document.Id);
        }
    }

    /// <summary>Brings every index in line with the meeting as stored (the reconciler's repair, and rebuilds).</summary>
    public async Task SyncIndexAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        if (await GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false) is { } meeting)
        {
            await Index.SyncAsync(null, meeting.Document, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The text the meeting was imported from, as received.</summary>
    public async Task<string?> GetSourceTextAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var blob = await _store.GetAsync(BlobNames.MeetingSource(meetingId), cancellationToken).ConfigureAwait(false);
        return blob?.Content.ToString();
    }

    /// <summary>
    /// Changes a meeting: read, <paramref name="change"/>, write If-Match; on a lost race the change is
    /// applied again to a fresh read, so it must be a function of the document it is given. Returning
    /// the same instance writes nothing. Keep the items' progress fields (<c>Departments</c>,
    /// <c>Applied</c>, <c>Extended</c>) as given: they are the records' projection.
    /// </summary>
    public async Task<StoredDocument<MeetingDocument>> UpdateMeetingAsync(string meetingId, Func<MeetingDocument, MeetingDocument> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var name = BlobNames.Meeting(meetingId);
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false)
                ?? throw new LedgerException($"Meeting '{meetingId}' does not exist ('{name}').");
            var changed = change(current.Document);
            if (ReferenceEquals(changed, current.Document))
            {
                return current;
            }

            if (changed.Id != current.Document.Id)
            {
                throw new ArgumentException($"A change may not give meeting '{meetingId}' another id.", nameof(change));
            }

            changed = MeetingProjection.Normalize(changed with { Schema = LedgerSchema.Current, Revision = current.Document.Revision + 1 });
            await Journal.TouchAsync(meetingId, cancellationToken).ConfigureAwait(false);
            StoredDocument<MeetingDocument> written;
            try
            {
                written = await _store.PutDocumentAsync(name, changed, LedgerJsonContext.Default.MeetingDocument, BlobCondition.Match(current.ETag), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (BlobConflictException e)
            {
                await BackOffAsync(name, attempt, e, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await WrittenAsync(current.Document, written, cancellationToken).ConfigureAwait(false);
            return written;
        }
    }

    /// <summary>
    /// Stores a progress record under the name its activity gives it (If-None-Match: *) and nothing else: the meeting
    /// is left to the projector (<see cref="ApplyStoredAsync"/>). <paramref name="meeting"/> (as the caller just saw it)
    /// checks the item and department. The same record again (a retried activity) is a success with
    /// <see cref="StoredProgress.AlreadyStored"/>; a different record under the same name is refused.
    /// </summary>
    public async Task<StoredProgress> StoreProgressAsync(ProgressRecord record, MeetingDocument meeting, CancellationToken cancellationToken = default)
    {
        Validate(record);
        ArgumentNullException.ThrowIfNull(meeting);
        record = record with { Schema = LedgerSchema.Current, At = record.At.ToUniversalTime() };
        CheckTarget(record, meeting);
        var name = BlobNames.Progress(record.MeetingId, record.ItemId, record.At, BlobNames.UpdateId(record.ConversationId, record.ActivityId));
        await Journal.TouchAsync(record.MeetingId, cancellationToken).ConfigureAwait(false);
        var (alreadyStored, storedAt) = await PutRecordAsync(name, record, cancellationToken).ConfigureAwait(false);
        return new StoredProgress(name, record, alreadyStored, storedAt);
    }

    /// <summary>
    /// The projector's write: applies stored records to the meeting in one conditional write (a lost race reads again
    /// and re-applies). Records named other than their content says, or already applied, change nothing.
    /// </summary>
    public async Task<ProjectionResult> ApplyStoredAsync(string meetingId, IReadOnlyList<StoredProgress> records, bool startFromLastSeen = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var now = _time.GetTimestamp();
        var toApply = new List<ToApply>(records.Count);
        foreach (var stored in records.DistinctBy(r => r.Name, StringComparer.Ordinal))
        {
            var record = stored.Record;
            if (record.MeetingId != meetingId
                || BlobNames.Progress(record.MeetingId, record.ItemId, record.At, BlobNames.UpdateId(record.ConversationId, record.ActivityId)) != stored.Name)
            {
                LogMisnamedRecord(stored.Name, meetingId);
                continue;
            }

            toApply.Add(new ToApply(stored.Name, record, stored.StoredAt, now - (long)(stored.Age.TotalSeconds * _time.TimestampFrequency)));
        }

        // The last version this process read or wrote is the likely current one (a stale one costs one lost condition and a read).
        var hint = startFromLastSeen && _recent.TryGetValue(meetingId, out var recent) ? recent.Meeting : null;
        var (before, written, applied) = await ApplyBatchAsync(meetingId, hint, toApply, null, cancellationToken).ConfigureAwait(false);
        return new ProjectionResult(before, written, applied);
    }

    private static void CheckTarget(ProgressRecord record, MeetingDocument meeting)
    {
        if (meeting.Id != record.MeetingId)
        {
            throw new LedgerException($"Meeting '{record.MeetingId}' does not exist.");
        }

        var item = meeting.FindItem(record.ItemId)
            ?? throw new LedgerException($"Meeting '{record.MeetingId}' has no item '{record.ItemId}'.");
        if (record.Department is { } department && !item.Lead.Contains(department, StringComparer.Ordinal) && !item.Support.Contains(department, StringComparer.Ordinal))
        {
            throw new LedgerException($"'{department}' is neither a lead nor a supporting department of item '{record.ItemId}' of meeting '{record.MeetingId}'.");
        }
    }

    /// <summary>Creates the record (If-None-Match: *); an identical record already there is a success, a different one an error.</summary>
    private async Task<(bool AlreadyStored, DateTimeOffset? StoredAt)> PutRecordAsync(string name, ProgressRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _store.PutDocumentAsync(name, record, LedgerJsonContext.Default.ProgressRecord, BlobCondition.CreateOnly, cancellationToken).ConfigureAwait(false);
            return (false, null);
        }
        catch (BlobConflictException e) when (e.AlreadyExists)
        {
            var existing = await _store.GetDocumentAsync(name, LedgerJsonContext.Default.ProgressRecord, cancellationToken).ConfigureAwait(false);
            if (existing is null || existing.Document != record)
            {
                throw new LedgerException($"A different progress record is already stored as '{name}' (same conversation, activity and time).", e);
            }

            LogReplayed(name);
            return (true, existing.LastModified);
        }
    }

    /// <summary>
    /// Stores a progress record under the name its activity gives it (If-None-Match: *) and applies it
    /// to the meeting. Appending the same record again (a retried activity) succeeds and stores nothing
    /// new; a different record under the same name is refused. If this call fails after the record was
    /// stored, the reconciler still applies it, and a retry of the call is the same record again.
    /// </summary>
    public Task<ProgressAppendResult> AppendProgressAsync(ProgressRecord record, CancellationToken cancellationToken = default) =>
        AppendProgressAsync(record, null, cancellationToken);

    /// <summary>
    /// As <see cref="AppendProgressAsync(ProgressRecord, CancellationToken)"/>, starting from a meeting the caller has just
    /// read (with its ETag), so the meeting is not read twice; a stale one only costs a retry of the projection write.
    /// </summary>
    public async Task<ProgressAppendResult> AppendProgressAsync(ProgressRecord record, StoredDocument<MeetingDocument>? justRead, CancellationToken cancellationToken = default)
    {
        Validate(record);
        record = record with { Schema = LedgerSchema.Current, At = record.At.ToUniversalTime() };
        var name = BlobNames.Progress(record.MeetingId, record.ItemId, record.At, BlobNames.UpdateId(record.ConversationId, record.ActivityId));

        // Read the meeting first: it checks the item and department, and its ETag is the first guess for the projection write.
        var meeting = justRead is not null && justRead.Document.Id == record.MeetingId
            ? justRead
            : await GetMeetingAsync(record.MeetingId, cancellationToken).ConfigureAwait(false)
                ?? throw new LedgerException($"Meeting '{record.MeetingId}' does not exist.");
        CheckTarget(record, meeting.Document);

        // Elapsed time since the put began bounds how far behind the watermark the record can be.
        var putStarted = _time.GetTimestamp();
        await Journal.TouchAsync(record.MeetingId, cancellationToken).ConfigureAwait(false);
        var (alreadyStored, storedAt) = await PutRecordAsync(name, record, cancellationToken).ConfigureAwait(false);
        var applied = await ApplyAsync(meeting, new ToApply(name, record, storedAt, putStarted), cancellationToken).ConfigureAwait(false);
        return new ProgressAppendResult(name, alreadyStored, applied);
    }

    /// <summary>The progress history of one item, oldest first (a read per record: for "show history", not for summaries).</summary>
    public async IAsyncEnumerable<StoredDocument<ProgressRecord>> ReadProgressAsync(string meetingId, string itemId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in _store.ListAsync(BlobNames.ProgressPrefix(meetingId, itemId), cancellationToken).ConfigureAwait(false))
        {
            var record = await _store.GetDocumentAsync(entry.Name, LedgerJsonContext.Default.ProgressRecord, cancellationToken).ConfigureAwait(false);
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    /// <summary>The ids of every stored meeting.</summary>
    public async IAsyncEnumerable<string> ListMeetingIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in _store.ListAsync("meetings/", cancellationToken).ConfigureAwait(false))
        {
            var parts = entry.Name.Split('/');
            if (parts is [_, var segment, "meeting.json"])
            {
                yield return BlobNames.DecodeSegment(segment);
            }
        }
    }

    /// <summary>
    /// Applies every stored record of the meeting that its projection lacks (one listing; a read per
    /// missing record), and folds the ids of records older than <see cref="CompactionGrace"/> into
    /// <see cref="MeetingDocument.AppliedBefore"/>. Records that cannot be read are skipped and
    /// reported, not applied, and the watermark stays below them.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        // Read the meeting before listing: any record stored before this read's time minus the grace
        // was stored before the listing began, so the listing shows it.
        var meeting = await GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false)
            ?? throw new LedgerException($"Meeting '{meetingId}' does not exist.");
        var watermark = WholeSeconds(meeting.LastModified - CompactionGrace);
        var items = meeting.Document.Items.ToDictionary(i => BlobNames.Segment(i.Id), StringComparer.Ordinal);
        var prefix = BlobNames.ProgressPrefix(meetingId);
        var listed = new Dictionary<(string ItemId, string UpdateId), DateTimeOffset>();
        var missing = new List<BlobEntry>();
        await foreach (var entry in _store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var parts = entry.Name[prefix.Length..].Split('/');
            if (parts.Length != 2 || !parts[1].EndsWith(".json", StringComparison.Ordinal) || !items.TryGetValue(parts[0], out var item))
            {
                continue;
            }

            var updateId = MeetingProjection.UpdateIdOf(MeetingProjection.KeyOf(entry.Name));
            listed[(item.Id, updateId)] = entry.LastModified;
            if (!IsBelow(entry.LastModified, meeting.Document.AppliedBefore) && !item.Applied.Contains(updateId))
            {
                missing.Add(entry);
            }
        }

        var records = new List<ToApply>(missing.Count);
        var unreadable = new List<string>();
        foreach (var entry in missing)
        {
            try
            {
                var record = await _store.GetDocumentAsync(entry.Name, LedgerJsonContext.Default.ProgressRecord, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    continue;
                }

                if (record.Document.MeetingId != meeting.Document.Id || BlobNames.ProgressPrefix(meetingId, record.Document.ItemId) != entry.Name[..(entry.Name.LastIndexOf('/') + 1)])
                {
                    throw new StoredDocumentException(entry.Name, "the record names another meeting or item than its folder");
                }

                records.Add(new ToApply(entry.Name, record.Document, record.LastModified, 0));
            }
            catch (StoredDocumentException e)
            {
                LogUnreadableRecord(e, entry.Name);
                unreadable.Add(entry.Name);
                watermark = Min(watermark, WholeSeconds(entry.LastModified));
            }
        }

        var (_, _, applied) = await ApplyBatchAsync(meetingId, meeting, records, m => Compact(m, watermark, listed), cancellationToken).ConfigureAwait(false);
        if (applied > 0)
        {
            LogReconciled(meetingId, applied);
        }

        return new ReconcileResult(applied, unreadable);
    }

    /// <summary>Moves the watermark up to <paramref name="watermark"/> and drops the ids of listed records stored before it.</summary>
    private static MeetingDocument Compact(MeetingDocument meeting, DateTimeOffset watermark, Dictionary<(string ItemId, string UpdateId), DateTimeOffset> listed)
    {
        if (meeting.AppliedBefore is { } current && current >= watermark)
        {
            return meeting;
        }

        var items = meeting.Items.Select(item => item with
        {
            Applied = item.Applied.Where(id => !(listed.TryGetValue((item.Id, id), out var storedAt) && storedAt < watermark)),
        }).ToList();

        // Moving the watermark alone buys nothing; write only when ids can go.
        return items.Zip(meeting.Items).Any(pair => pair.First.Applied.Count != pair.Second.Applied.Count)
            ? meeting with { AppliedBefore = watermark, Items = items }
            : meeting;
    }

    private static bool IsBelow(DateTimeOffset? storedAt, DateTimeOffset? watermark) =>
        storedAt is { } at && watermark is { } before && at < before;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Azure reports modification times in whole seconds; a whole-second watermark compares safely with them.</summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static void Validate(ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.MeetingId);
        ArgumentException.ThrowIfNullOrEmpty(record.ItemId);
        ArgumentException.ThrowIfNullOrEmpty(record.ConversationId);
        ArgumentException.ThrowIfNullOrEmpty(record.ActivityId);
        ArgumentNullException.ThrowIfNull(record.By);
        if (record.Department is null && record.Kind != ProgressKind.CompletionApproval)
        {
            throw new ArgumentException($"A {record.Kind} record needs a department; only a completion approval may close the whole item.", nameof(record));
        }

        if (record.Kind == ProgressKind.Progress && record.Status is ProgressStatus.Closed or ProgressStatus.CompletionRequested)
        {
            throw new ArgumentException("A progress report cannot close an item or request completion; use the completion kinds.", nameof(record));
        }

        if (record.Kind == ProgressKind.ExtensionApproval && record.Due is null)
        {
            throw new ArgumentException("An extension approval must carry the due date it grants.", nameof(record));
        }

        if (record.Percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(record), record.Percent, "Percent is between 0 and 100.");
        }
    }

    /// <summary>Queues the record for this meeting's next projection write and waits for it.</summary>
    private async Task<StoredDocument<MeetingDocument>> ApplyAsync(StoredDocument<MeetingDocument> hint, ToApply record, CancellationToken cancellationToken)
    {
        var meetingId = record.Record.MeetingId;
        var queue = _queues.GetOrAdd(meetingId, _ => new ApplyQueue());
        var pending = new PendingApply(record);
        bool start;
        lock (queue.Gate)
        {
            queue.Pending.Add(pending);
            queue.Hint = hint;
            start = !queue.Draining;
            queue.Draining = true;
        }

        if (start)
        {
            // The caller that finds no write under way makes it itself (no thread hop when alone), but
            // only its own batch: appends that queued meanwhile go on on the thread pool, so no caller
            // is held up by a stream of others'.
            if (TakeBatch(queue) is { } batch)
            {
                await ApplyPendingAsync(meetingId, batch).ConfigureAwait(false);
            }

            bool more;
            lock (queue.Gate)
            {
                more = queue.Pending.Count > 0;
                queue.Draining = more;
            }

            if (more)
            {
                _ = Task.Run(() => DrainAsync(meetingId, queue), CancellationToken.None);
            }
        }

        return await pending.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainAsync(string meetingId, ApplyQueue queue)
    {
        while (TakeBatch(queue) is { } batch)
        {
            await ApplyPendingAsync(meetingId, batch).ConfigureAwait(false);
        }
    }

    /// <summary>Everything queued for the meeting, with the freshest hint; null (and no longer draining) when nothing is.</summary>
    private static (List<PendingApply> Pending, StoredDocument<MeetingDocument>? Hint)? TakeBatch(ApplyQueue queue)
    {
        lock (queue.Gate)
        {
            if (queue.Pending.Count == 0)
            {
                queue.Draining = false;
                return null;
            }

            List<PendingApply> batch = [.. queue.Pending];
            queue.Pending.Clear();
            var hint = queue.Hint;
            queue.Hint = null;
            return (batch, hint);
        }
    }

    /// <summary>Applies one batch and hands each waiting caller the result or the failure; never throws.</summary>
    private async Task ApplyPendingAsync(string meetingId, (List<PendingApply> Pending, StoredDocument<MeetingDocument>? Hint) batch)
    {
        try
        {
            // Not the callers' tokens: the batch serves several callers, and the attempt limit bounds it.
            var (_, result, _) = await ApplyBatchAsync(meetingId, batch.Hint, [.. batch.Pending.Select(p => p.Record)], null, CancellationToken.None).ConfigureAwait(false);
            foreach (var pending in batch.Pending)
            {
                pending.Done.TrySetResult(result);
            }
        }
#pragma warning disable CA1031 // Every failure goes to the callers that wait for this batch; none may stop the drain loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogApplyFailed(e, meetingId, batch.Pending.Count);
            foreach (var pending in batch.Pending)
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// Read (or take the hint), apply the records, write If-Match; on a lost race start over from a
    /// fresh read. Returns the meeting written and how many of the records it applied that were not applied before.
    /// </summary>
    private async Task<(MeetingDocument Before, StoredDocument<MeetingDocument> Meeting, int Applied)> ApplyBatchAsync(string meetingId, StoredDocument<MeetingDocument>? hint, IReadOnlyList<ToApply> records, Func<MeetingDocument, MeetingDocument>? compact, CancellationToken cancellationToken)
    {
        var name = BlobNames.Meeting(meetingId);
        var current = hint;
        for (var attempt = 1; ; attempt++)
        {
            current ??= await GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false)
                ?? throw new LedgerException($"Meeting '{meetingId}' does not exist ('{name}').");
            var next = current.Document;
            var applied = 0;
            foreach (var record in records)
            {
                // A record stored before the watermark is applied already, even though its id was dropped.
                if (!IsBelow(await StoredAtAsync(record, cancellationToken).ConfigureAwait(false), next.AppliedBefore))
                {
                    var after = MeetingProjection.Apply(next, record.Key, record.Record);
                    applied += ReferenceEquals(after, next) ? 0 : 1;
                    next = after;
                }
            }

            if (compact is not null)
            {
                next = compact(next);
            }

            if (ReferenceEquals(next, current.Document))
            {
                return (current.Document, current, 0);
            }

            next = next with { Revision = current.Document.Revision + 1 };
            try
            {
                var written = await _store.PutDocumentAsync(name, next, LedgerJsonContext.Default.MeetingDocument, BlobCondition.Match(current.ETag), cancellationToken)
                    .ConfigureAwait(false);
                await WrittenAsync(current.Document, written, cancellationToken).ConfigureAwait(false);
                return (current.Document, written, applied);
            }
            catch (BlobConflictException e)
            {
                await BackOffAsync(name, attempt, e, cancellationToken).ConfigureAwait(false);
                current = null;
            }
        }
    }

    /// <summary>
    /// When the storage wrote the record, as far as the watermark test needs it. A record this call
    /// created less than half the grace ago cannot be behind any watermark (the reconciler only moves
    /// it to a grace before a meeting read), so no read is needed; after a long stall, ask the storage.
    /// </summary>
    private async Task<DateTimeOffset?> StoredAtAsync(ToApply record, CancellationToken cancellationToken)
    {
        if (record.StoredAt is not null || _time.GetElapsedTime(record.PutStarted) < CompactionGrace / 2)
        {
            return record.StoredAt;
        }

        var blob = await _store.GetAsync(record.Name, cancellationToken).ConfigureAwait(false);
        return blob?.LastModified;
    }

    /// <summary>
    /// The first retry is immediate (the usual loser of a race wins the next round); later ones wait a
    /// random, growing few milliseconds so that many writers stop colliding. This paces storage
    /// requests, not business time, so it uses the timer directly.
    /// </summary>
    private async Task BackOffAsync(string name, int attempt, BlobConflictException conflict, CancellationToken cancellationToken)
    {
        if (attempt >= MaxAttempts)
        {
            throw new LedgerException($"Gave up writing '{name}' after {attempt} lost races; the records stay stored and the reconciler applies them.", conflict);
        }

        LogLostRace(name, attempt);
        if (attempt > 1)
        {
#pragma warning disable CA5394 // Jitter, not security.
            var delay = Random.Shared.Next(1, Math.Min(1 << Math.Min(attempt, 7), 100));
#pragma warning restore CA5394
            await Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Meeting {MeetingId} created with {ItemCount} items")]
    private partial void LogMeetingCreated(string meetingId, int itemCount);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Progress record {RecordName} was already stored; the retried activity adds nothing")]
    private partial void LogReplayed(string recordName);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Lost the race to write {BlobName} (attempt {Attempt}); reading it again")]
    private partial void LogLostRace(string blobName, int attempt);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Applying {Count} progress records to meeting {MeetingId} failed; they stay stored for the reconciler")]
    private partial void LogApplyFailed(Exception exception, string meetingId, int count);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "Progress record {RecordName} cannot be read and is left out of the projection")]
    private partial void LogUnreadableRecord(Exception exception, string recordName);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Reconciler applied {Count} progress records to meeting {MeetingId}")]
    private partial void LogReconciled(string meetingId, int count);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Updating the indexes after a write of meeting {MeetingId} failed; the reconciler repairs them")]
    private partial void LogIndexFailed(Exception exception, string meetingId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Progress record {RecordName} handed to the projector of meeting {MeetingId} does not match its name; left out")]
    private partial void LogMisnamedRecord(string recordName, string meetingId);

    private sealed class ApplyQueue
    {
        public Lock Gate { get; } = new();

        public List<PendingApply> Pending { get; } = [];

        public StoredDocument<MeetingDocument>? Hint { get; set; }

        public bool Draining { get; set; }
    }

    /// <summary>A stored record to apply: when the storage wrote it, if known, else when this process began writing it.</summary>
    private sealed record ToApply(string Name, ProgressRecord Record, DateTimeOffset? StoredAt, long PutStarted)
    {
        public string Key { get; } = MeetingProjection.KeyOf(Name);
    }

    private sealed class PendingApply(ToApply record)
    {
        public ToApply Record { get; } = record;

        public TaskCompletionSource<StoredDocument<MeetingDocument>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
