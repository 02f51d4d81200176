using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Summaries;

/// <summary>Reads meetings from the ledger and turns them into summaries and cards as of today (the meeting's own date).</summary>
internal sealed class SummaryService(MeetingLedger ledger, SummaryLinks links, IOptions<FollowUpOptions> followUp, TimeProvider time)
{
    public MeetingLedger Ledger => ledger;

    public SummaryLinks Links => links;

    public bool IsOrganiser(string? aadObjectId) => followUp.Value.IsOrganiser(aadObjectId);

    /// <summary>Every meeting's header from <c>index/meetings.json</c> (one read): id, title, state and dates, no items.</summary>
    public async Task<IReadOnlyList<MeetingDocument>> ListMeetingHeadersAsync(CancellationToken cancellationToken = default) =>
        [.. (await ledger.Index.MeetingsAsync(cancellationToken).ConfigureAwait(false)).Select(m => new MeetingDocument
        {
            Id = m.Id,
            Title = m.Title,
            State = m.State,
            Organiser = m.Organiser,
            MeetingDate = m.MeetingDate,
            TimeZone = m.TimeZone,
            CreatedAt = m.CreatedAt,
            PublishedAt = m.PublishedAt,
            Revision = m.Revision,
        })];

    /// <summary>Every meeting document (the index, then one read per meeting: for overviews of all); unreadable ones are skipped.</summary>
    public async Task<IReadOnlyList<MeetingDocument>> ListMeetingsAsync(CancellationToken cancellationToken = default)
    {
        var ids = (await ledger.Index.MeetingsAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Id).ToList();

        var meetings = new MeetingDocument?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            try
            {
                meetings[i] = (await ledger.GetMeetingAsync(ids[i], token).ConfigureAwait(false))?.Document;
            }
            catch (StoredDocumentException)
            {
                // A meeting this build cannot read is left out of lists rather than breaking them.
            }
        }).ConfigureAwait(false);
        return [.. meetings.OfType<MeetingDocument>()];
    }

    public async Task<MeetingDocument?> GetMeetingAsync(string meetingId, CancellationToken cancellationToken = default) =>
        (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;

    public DateOnly TodayFor(MeetingDocument meeting) => MeetingSummaries.TodayFor(meeting, time.GetUtcNow(), followUp.Value.TimeZone);

    public MeetingSummary Summarise(MeetingDocument meeting) => MeetingSummaries.Summarise(meeting, TodayFor(meeting));

    /// <summary>The summary card of a meeting, with the dashboard link and the other meetings to switch to.</summary>
    public async Task<Cards.AdaptiveCard> CardAsync(MeetingDocument meeting, IReadOnlyList<MeetingDocument> others, UiLocale locale, CancellationToken cancellationToken = default)
    {
        var dashboard = await links.DashboardAsync(locale, meeting.Id, cancellationToken).ConfigureAwait(false);
        var choices = others.Where(m => m.Id != meeting.Id).Select(m => new MeetingChoice(m.Id, m.Title)).ToList();
        return SummaryCard.Build(new SummaryView(Summarise(meeting), locale, dashboard?.Url, choices));
    }
}
