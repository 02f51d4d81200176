using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Summaries;

/// <summary>The overview of all meetings: a line per meeting (its header and counts), and the meetings that could not be counted.</summary>
internal sealed record Overview(IReadOnlyList<OverviewLine> Lines, IReadOnlyList<UnreadableMeeting> Unreadable);

/// <summary>One meeting in the overview: its header (no items) and its counts as of today.</summary>
internal sealed record OverviewLine(MeetingDocument Header, MeetingSummary Summary);

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

    /// <summary>
    /// The overview of every meeting (the organisers' <c>summary all</c> and the dashboard's list), counted from the totals
    /// <c>index/meetings.json</c> carries: one read whatever the ledger's size. A header written before the index carried
    /// totals is counted from its meeting (one read each; its next write adds them); such a meeting that cannot be read is
    /// logged, left out and named in <see cref="Overview.Unreadable"/>. A meeting.json gone bad after it was indexed shows
    /// its last indexed counts here and is named when opened.
    /// </summary>
    public async Task<Overview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var entries = await ledger.Index.MeetingsAsync(cancellationToken).ConfigureAwait(false);
        var lines = new OverviewLine?[entries.Count];
        var unreadable = new List<UnreadableMeeting>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var header = LedgerIndex.HeaderDocument(entry);
            if (entry.Totals is { } totals)
            {
                lines[i] = new OverviewLine(header, MeetingSummaries.FromTotals(entry, totals, TodayFor(header)));
                continue;
            }

            var (meeting, failed) = await TryGetMeetingAsync(entry.Id, cancellationToken).ConfigureAwait(false);
            lines[i] = meeting is null ? null : new OverviewLine(header, Summarise(meeting));
            unreadable.AddRange(failed ?? []);
        }

        return new Overview([.. lines.OfType<OverviewLine>()], unreadable);
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
