using FollowUpBot.Storage;

namespace FollowUpBot.Ledger;

/// <summary>
/// The reminder slot markers of DESIGN.md (<c>reminders/{tenantId}/{recipientAadId}/{slotKey}.json</c>):
/// a create-only claim makes each digest go out at most once; a claim left unsent for
/// <see cref="ClaimTimeout"/> (its instance died before sending) may be taken over.
/// </summary>
internal static class ReminderMarkers
{
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    public static string NameOf(ReminderMarker marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        return BlobNames.Reminder(marker.TenantId, marker.RecipientAadId, marker.SlotKey);
    }

    /// <summary>
    /// Claims the marker's slot for this instance; null when the slot was sent already or another
    /// instance holds a claim younger than <see cref="ClaimTimeout"/>; a final state (sent, unreachable) is never claimed again.
    /// </summary>
    public static async Task<StoredDocument<ReminderMarker>?> TryClaimAsync(this IBlobStore store, ReminderMarker marker, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var name = NameOf(marker);
        var now = timeProvider.GetUtcNow();
        var claim = marker with { Schema = LedgerSchema.Current, State = ReminderMarkerState.Claimed, ClaimedAt = now, SentAt = null, MessageId = null };
        try
        {
            return await store.PutDocumentAsync(name, claim, LedgerJsonContext.Default.ReminderMarker, BlobCondition.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException e) when (e.AlreadyExists)
        {
            // Claimed before: take it over only if that claim was abandoned.
        }

        var existing = await store.GetDocumentAsync(name, LedgerJsonContext.Default.ReminderMarker, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Document.State != ReminderMarkerState.Claimed || now - existing.Document.ClaimedAt < ClaimTimeout)
        {
            return null;
        }

        try
        {
            return await store.PutDocumentAsync(name, claim, LedgerJsonContext.Default.ReminderMarker, BlobCondition.Match(existing.ETag), cancellationToken).ConfigureAwait(false);
        }
        catch (BlobConflictException)
        {
            return null;
        }
    }

    /// <summary>Records that the claimed digest was sent; a <see cref="BlobConflictException"/> when the claim was taken over meanwhile.</summary>
    public static Task<StoredDocument<ReminderMarker>> MarkSentAsync(this IBlobStore store, StoredDocument<ReminderMarker> claim, string? messageId, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var sent = claim.Document with { State = ReminderMarkerState.Sent, SentAt = timeProvider.GetUtcNow(), MessageId = messageId };
        return store.PutDocumentAsync(claim.Name, sent, LedgerJsonContext.Default.ReminderMarker, BlobCondition.Match(claim.ETag), cancellationToken);
    }
}
