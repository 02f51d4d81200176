using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using FollowUpBot.Storage;

namespace FollowUpBot.Ledger;

/// <summary>One meeting that changed in one hour: the reconciler's work list.</summary>
internal sealed record JournalEntry(string Name, DateTimeOffset Hour, string MeetingId);

/// <summary>
/// Which meetings changed recently, so the reconciler need not list the ledger: before a process stores a progress
/// record or writes a meeting it makes sure <c>changes/{yyyyMMddHH}/{meetingId}</c> exists (create-only, empty; the
/// hour of this process's clock). That costs one write per meeting per hour per process; the rest are remembered.
/// The reconciler reads the markers, reconciles those meetings, and deletes the markers of hours long over.
/// </summary>
internal sealed class ChangeJournal(IBlobStore store, TimeProvider time)
{
    public const string Prefix = "changes/";
    private readonly ConcurrentDictionary<(DateTimeOffset Hour, string MeetingId), byte> _touched = new();
    private DateTimeOffset _prunedFor;

    /// <summary>Marks the meeting as changed this hour (a write the first time only); call before the change.</summary>
    public async ValueTask TouchAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        var hour = HourOf(time.GetUtcNow());
        if (_touched.ContainsKey((hour, meetingId)))
        {
            return;
        }

        try
        {
            await store.PutAsync(Name(hour, meetingId), BinaryData.Empty, BlobCondition.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException e) when (e.AlreadyExists)
        {
            // Another process (or an earlier life of this one) marked it: the same fact.
        }

        _touched[(hour, meetingId)] = 0;
        if (_prunedFor != hour)
        {
            _prunedFor = hour;
            foreach (var key in _touched.Keys.Where(k => k.Hour < hour))
            {
                _touched.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Every marker, oldest hour first (one listing of <c>changes/</c>: as long as the meetings changed in the hours not yet cleared).</summary>
    public async IAsyncEnumerable<JournalEntry> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            var parts = entry.Name[Prefix.Length..].Split('/');
            if (parts.Length == 2 && DateTimeOffset.TryParseExact(parts[0], "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var hour))
            {
                yield return new JournalEntry(entry.Name, hour, BlobNames.DecodeSegment(parts[1]));
            }
        }
    }

    /// <summary>Removes a marker once its meeting was reconciled after its hour ended.</summary>
    public Task DeleteAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.DeleteAsync(entry.Name, cancellationToken: cancellationToken);
    }

    public static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcDateTime.Year, time.UtcDateTime.Month, time.UtcDateTime.Day, time.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    private static string Name(DateTimeOffset hour, string meetingId) =>
        $"{Prefix}{hour.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}/{BlobNames.Segment(meetingId)}";
}
