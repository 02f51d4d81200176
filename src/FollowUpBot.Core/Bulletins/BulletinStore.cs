using System.Globalization;
using System.Text.Json.Serialization;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Bulletins;

/// <summary>
/// <c>bulletins/{meetingId}/{since}-{until}/issue.json</c>: one bulletin of a meeting for one period — the
/// organiser's title and requirements, and to whom it was sent (like a checklist's deliveries), so sending
/// again reaches only recipients not reached yet.
/// </summary>
internal sealed record BulletinIssueDocument : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    public required string MeetingId { get; init; }

    public DateOnly Since { get; init; }

    public DateOnly Until { get; init; }

    /// <summary>The title as the organiser edited it; null for the default.</summary>
    public string? Title { get; init; }

    /// <summary>The closing paragraph as the organiser typed it; null for the default.</summary>
    public string? Requirements { get; init; }

    public Person? UpdatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyList<CardDelivery> Deliveries { get; init; } = [];

    public IReadOnlyList<UndeliveredCard> Undelivered { get; init; } = [];
}

/// <summary>
/// <c>bulletins/{meetingId}/scheduled/{slotKey}.json</c>: the scheduled bulletin of one meeting for one cron
/// slot. As with the reminder markers, a create-only claim makes the issue go out at most once across
/// instances, and a claim left unsent for <see cref="BulletinStore.ClaimTimeout"/> may be taken over.
/// </summary>
internal sealed record BulletinMarker : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    public required string MeetingId { get; init; }

    /// <summary>The slot's time in UTC, <c>yyyyMMddTHHmmZ</c>.</summary>
    public required string SlotKey { get; init; }

    public ReminderMarkerState State { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }

    public string? ClaimedBy { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The organisers the bulletin reached.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Organisers it could not reach, with the reason.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}

/// <summary>Names and conditional writes of the bulletin documents.</summary>
internal static class BulletinStore
{
    /// <summary>The lease of the bulletin scheduler's leader (one among instances).</summary>
    public const string SchedulerLock = "locks/bulletins";

    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    public static string PeriodKey(DateOnly since, DateOnly until) =>
        since.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + until.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Reads a period key back; false for anything else (a link's path is not trusted).</summary>
    public static bool TryParsePeriodKey(string? key, out DateOnly since, out DateOnly until)
    {
        since = until = default;
        return key is { Length: 17 } && key[8] == '-'
            && DateOnly.TryParseExact(key[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out since)
            && DateOnly.TryParseExact(key[9..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out until)
            && since <= until;
    }

    public static string Issue(string meetingId, DateOnly since, DateOnly until) =>
        $"bulletins/{BlobNames.Segment(meetingId)}/{PeriodKey(since, until)}/issue.json";

    public static string Marker(string meetingId, string slotKey) =>
        $"bulletins/{BlobNames.Segment(meetingId)}/scheduled/{BlobNames.Segment(slotKey)}.json";

    public static Task<StoredDocument<BulletinIssueDocument>?> GetIssueAsync(this IBlobStore store, string meetingId, DateOnly since, DateOnly until, CancellationToken cancellationToken = default) =>
        store.GetDocumentAsync(Issue(meetingId, since, until), BulletinJsonContext.Default.BulletinIssueDocument, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the period's issue (a new one when none is stored) and writes it
    /// conditionally (create-only, or If-Match on the ETag just read), re-reading and re-applying after a lost race.
    /// </summary>
    public static async Task<StoredDocument<BulletinIssueDocument>> UpdateIssueAsync(
        this IBlobStore store, string meetingId, DateOnly since, DateOnly until, Func<BulletinIssueDocument, BulletinIssueDocument> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        var name = Issue(meetingId, since, until);
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetDocumentAsync(name, BulletinJsonContext.Default.BulletinIssueDocument, cancellationToken).ConfigureAwait(false);
            var document = change(current?.Document ?? new BulletinIssueDocument { MeetingId = meetingId, Since = since, Until = until });
            try
            {
                return await store.PutDocumentAsync(name, document, BulletinJsonContext.Default.BulletinIssueDocument,
                    current is null ? BlobCondition.CreateOnly : BlobCondition.Match(current.ETag), cancellationToken).ConfigureAwait(false);
            }
            catch (BlobConflictException) when (attempt < 8)
            {
                // Another writer got there first: read its version and apply the change again.
            }
        }
    }

    /// <summary>
    /// Claims the slot for this instance; null when it was sent already or another instance holds a claim
    /// younger than <see cref="ClaimTimeout"/> (the reminder markers' rule).
    /// </summary>
    public static async Task<StoredDocument<BulletinMarker>?> TryClaimAsync(this IBlobStore store, BulletinMarker marker, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(time);
        var name = Marker(marker.MeetingId, marker.SlotKey);
        var now = time.GetUtcNow();
        var claim = marker with { State = ReminderMarkerState.Claimed, ClaimedAt = now, SentAt = null };
        try
        {
            return await store.PutDocumentAsync(name, claim, BulletinJsonContext.Default.BulletinMarker, BlobCondition.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException e) when (e.AlreadyExists)
        {
            // Claimed before: take it over only if that claim was abandoned.
        }

        var existing = await store.GetDocumentAsync(name, BulletinJsonContext.Default.BulletinMarker, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Document.State != ReminderMarkerState.Claimed || now - existing.Document.ClaimedAt < ClaimTimeout)
        {
            return null;
        }

        try
        {
            return await store.PutDocumentAsync(name, claim, BulletinJsonContext.Default.BulletinMarker, BlobCondition.Match(existing.ETag), cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException)
        {
            return null;
        }
    }

    /// <summary>Records the claimed slot as sent; a <see cref="BlobConflictException"/> when the claim was taken over meanwhile.</summary>
    public static Task<StoredDocument<BulletinMarker>> MarkSentAsync(this IBlobStore store, StoredDocument<BulletinMarker> claim, IReadOnlyList<string> recipients, IReadOnlyList<string> failures, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(time);
        var sent = claim.Document with { State = ReminderMarkerState.Sent, SentAt = time.GetUtcNow(), Recipients = recipients, Failures = failures };
        return store.PutDocumentAsync(claim.Name, sent, BulletinJsonContext.Default.BulletinMarker, BlobCondition.Match(claim.ETag), cancellationToken);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BulletinIssueDocument))]
[JsonSerializable(typeof(BulletinMarker))]
internal sealed partial class BulletinJsonContext : JsonSerializerContext;
