using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Summaries;

/// <summary>The meetings that could be read, and the ones that could not (each logged with its blob's name).</summary>
internal sealed record MeetingList(IReadOnlyList<MeetingDocument> Meetings, IReadOnlyList<UnreadableMeeting> Unreadable);

/// <summary>A meeting whose document could not be read: left out of lists, named to the organiser.</summary>
internal sealed record UnreadableMeeting(string MeetingId, string BlobName);

/// <summary>Reads meetings from the ledger and turns them into summaries and cards as of today (the meeting's own date).</summary>
internal sealed partial class SummaryService(MeetingLedger ledger, SummaryLinks links, IOptions<FollowUpOptions> followUp, TimeProvider time, ILogger<SummaryService> logger)
{
    public MeetingLedger Ledger => ledger;

    public SummaryLinks Links => links;

    public bool IsOrganiser(string? aadObjectId) => followUp.Value.IsOrganiser(aadObjectId);

    /// <summary>Every meeting's header from <c>index/meetings.json</c> (one read): id, title, state and dates, no items.</summary>
    public Task<IReadOnlyList<MeetingDocument>> ListMeetingHeadersAsync(CancellationToken cancellationToken = default) =>
        ledger.Index.MeetingHeadersAsync(cancellationToken);

    /// <summary>Every meeting document (the index, then one read per meeting: for overviews of all); unreadable ones are logged and left out.</summary>
    public async Task<IReadOnlyList<MeetingDocument>> ListMeetingsAsync(CancellationToken cancellationToken = default) =>
        (await ReadMeetingsAsync(cancellationToken).ConfigureAwait(false)).Meetings;

    /// <summary>
    /// Every meeting document (the index, then one read per meeting: for overviews of all). A meeting that cannot be read (corrupt,
    /// unknown schema, or its read failed) is logged with its blob's name and reported in
    /// <see cref="MeetingList.Unreadable"/>; the others are read as usual.
    /// </summary>
    public async Task<MeetingList> ReadMeetingsAsync(CancellationToken cancellationToken = default)
    {
        var ids = (await ledger.Index.MeetingsAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Id).ToList();

        var meetings = new MeetingDocument?[ids.Count];
        var unreadable = new UnreadableMeeting?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            try
            {
                meetings[i] = (await ledger.GetMeetingAsync(ids[i], token).ConfigureAwait(false))?.Document;
            }
            catch (Exception e) when (e is StoredDocumentException or BlobStoreException or LedgerException)
            {
                // A meeting that cannot be read is left out of lists rather than breaking them, and said so.
                var blobName = BlobNames.Meeting(ids[i]);
                LogUnreadableMeeting(logger, ids[i], blobName, e);
                unreadable[i] = new UnreadableMeeting(ids[i], blobName);
            }
        }).ConfigureAwait(false);
        return new MeetingList([.. meetings.OfType<MeetingDocument>()], [.. unreadable.OfType<UnreadableMeeting>()]);
    }

    /// <summary>One meeting's document; when it cannot be read, none, and the meeting named as unreadable (logged).</summary>
    public async Task<(MeetingDocument? Meeting, IReadOnlyList<UnreadableMeeting>? Unreadable)> TryGetMeetingAsync(string meetingId, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is StoredDocumentException or BlobStoreException or LedgerException)
        {
            var blobName = BlobNames.Meeting(meetingId);
            LogUnreadableMeeting(logger, meetingId, blobName, e);
            return (null, [new UnreadableMeeting(meetingId, blobName)]);
        }
    }

    public async Task<MeetingDocument?> GetMeetingAsync(string meetingId, CancellationToken cancellationToken = default) =>
        (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;

    public DateOnly TodayFor(MeetingDocument meeting) => MeetingSummaries.TodayFor(meeting, time.GetUtcNow(), followUp.Value.TimeZone);

    public MeetingSummary Summarise(MeetingDocument meeting) => MeetingSummaries.Summarise(meeting, TodayFor(meeting));

    /// <summary>The summary card of a meeting, with the dashboard link and the other meetings to switch to.</summary>
    public async Task<Cards.AdaptiveCard> CardAsync(MeetingDocument meeting, IReadOnlyList<MeetingDocument> others, UiLocale locale, IReadOnlyList<UnreadableMeeting>? unreadable = null, CancellationToken cancellationToken = default)
    {
        var dashboard = await links.DashboardAsync(locale, meeting.Id, cancellationToken).ConfigureAwait(false);
        var choices = others.Where(m => m.Id != meeting.Id).Select(m => new MeetingChoice(m.Id, m.Title)).ToList();
        return SummaryCard.Build(new SummaryView(Summarise(meeting), locale, dashboard?.Url, choices, Unreadable(unreadable)));
    }

    /// <summary>The lines a card shows for meetings that could not be read.</summary>
    public static IReadOnlyList<string>? Unreadable(IReadOnlyList<UnreadableMeeting>? unreadable) =>
        unreadable is { Count: > 0 } ? [.. unreadable.Select(u => u.BlobName)] : null;

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "Meeting {MeetingId} could not be read from {BlobName}; it is left out of summaries and lists.")]
    private static partial void LogUnreadableMeeting(ILogger logger, string meetingId, string blobName, Exception exception);
}
