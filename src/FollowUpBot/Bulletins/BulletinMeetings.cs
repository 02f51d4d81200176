using FollowUpBot.Ledger;

namespace FollowUpBot.Bulletins;

/// <summary>
/// Every read of meetings the bulletin feature makes, in one place: today a listing of <c>meetings/</c> and a
/// read of each <c>meeting.json</c> through the ledger; to be switched to the index of meetings per organiser
/// when it lands, without touching the rest of the feature.
/// </summary>
internal sealed class BulletinMeetings(MeetingLedger ledger)
{
    public async Task<MeetingDocument?> GetAsync(string meetingId, CancellationToken cancellationToken = default) =>
        (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;

    /// <summary>Every meeting's header from the index (one read, no items): organisers share the ledger.</summary>
    public Task<IReadOnlyList<MeetingDocument>> ListAsync(CancellationToken cancellationToken = default) =>
        ledger.Index.MeetingHeadersAsync(cancellationToken);

    /// <summary>Published meetings, read whole (the scheduled bulletins' list, in the background); unreadable ones are skipped.</summary>
    public async Task<IReadOnlyList<MeetingDocument>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        var published = (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(m => m.State == MeetingState.Published).ToList();
        var meetings = new MeetingDocument?[published.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, published.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            try
            {
                meetings[i] = await GetAsync(published[i].Id, token).ConfigureAwait(false);
            }
            catch (StoredDocumentException)
            {
                // A meeting this build cannot read is left out rather than breaking the list.
            }
        }).ConfigureAwait(false);
        return [.. meetings.OfType<MeetingDocument>()];
    }
}
