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

    /// <summary>The meetings an organiser may issue bulletins of (every meeting: organisers share the ledger); unreadable ones are skipped.</summary>
    public async Task<IReadOnlyList<MeetingDocument>> ListAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var id in ledger.ListMeetingIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(id);
        }

        var meetings = new MeetingDocument?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            try
            {
                meetings[i] = await GetAsync(ids[i], token).ConfigureAwait(false);
            }
            catch (StoredDocumentException)
            {
                // A meeting this build cannot read is left out rather than breaking the list.
            }
        }).ConfigureAwait(false);
        return [.. meetings.OfType<MeetingDocument>()];
    }

    /// <summary>Published meetings (the scheduled bulletins' list).</summary>
    public async Task<IReadOnlyList<MeetingDocument>> ListPublishedAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(m => m.State == MeetingState.Published)];
}
