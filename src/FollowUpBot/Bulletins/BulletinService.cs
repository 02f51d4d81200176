using FollowUpBot.Cards;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Bulletins;

/// <summary>
/// Builds a meeting's bulletin (the meeting's projection plus the period's stored title and requirements),
/// its signed download link and its cards. Each call reads <c>meeting.json</c> and the period's
/// <c>issue.json</c>: two blobs whatever the ledger's size.
/// </summary>
internal sealed class BulletinService(
    BulletinMeetings meetings,
    IBlobStore store,
    SummaryLinks links,
    IOptions<SummaryOptions> summaryOptions,
    IOptions<BulletinOptions> options,
    IOptions<FollowUpOptions> followUp,
    TimeProvider time)
{
    public const string LinkPurpose = "bulletin";

    public BulletinMeetings Meetings => meetings;

    public IBlobStore Store => store;

    public DateTimeOffset Now => time.GetUtcNow();

    public bool IsOrganiser(string? aadObjectId) => followUp.Value.IsOrganiser(aadObjectId);

    public IReadOnlyList<string> Organisers => [.. followUp.Value.Organisers];

    public TimeZoneInfo ZoneOf(MeetingDocument meeting) => BulletinRules.ZoneOf(meeting, followUp.Value.TimeZone);

    /// <summary>Today in the meeting's time zone.</summary>
    public DateOnly Today(MeetingDocument meeting) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ZoneOf(meeting)).DateTime);

    /// <summary>The default first day of a meeting's period (the meeting's date, else the day it was published, else today).</summary>
    public DateOnly DefaultSince(MeetingDocument meeting, DateOnly until) => BulletinRules.DefaultSince(meeting, until, ZoneOf(meeting));

    /// <summary>The bulletin of the period since–until, with the title and requirements the organiser saved for it.</summary>
    public async Task<Bulletin> BuildAsync(MeetingDocument meeting, UiLocale locale, DateOnly? since, DateOnly until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var start = since is { } s && s <= until ? s : DefaultSince(meeting, until);
        var issue = (await store.GetIssueAsync(meeting.Id, start, until, cancellationToken).ConfigureAwait(false))?.Document;
        return BulletinRules.Build(meeting, until, locale, ZoneOf(meeting), start, issue?.Title, issue?.Requirements);
    }

    /// <summary><c>/bulletins/{meetingId}/{since}-{until}.docx?exp=…&amp;sig=…&amp;lang=…</c>; null without a public address.</summary>
    public async Task<SignedLink?> LinkAsync(Bulletin bulletin, TimeSpan? lifetime = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        if (links.PublicBaseUrl is not { } baseUrl)
        {
            return null;
        }

        var period = BulletinStore.PeriodKey(bulletin.Since, bulletin.Until);
        var expires = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + (lifetime ?? summaryOptions.Value.LinkLifetime)).ToUnixTimeSeconds());
        var signer = await links.SignerAsync(cancellationToken).ConfigureAwait(false);
        var query = signer.Query(LinkPurpose, Scope(bulletin.MeetingId, period), expires);
        return new SignedLink(new Uri(baseUrl, $"bulletins/{Uri.EscapeDataString(bulletin.MeetingId)}/{period}.docx?{query}&lang={bulletin.Locale.Tag()}"), expires);
    }

    public Task<bool> VerifyAsync(string meetingId, string period, string? exp, string? sig, CancellationToken cancellationToken = default) =>
        links.VerifyAsync(LinkPurpose, Scope(meetingId, period), exp, sig, cancellationToken);

    /// <summary>The organiser's preview card (editable title and requirements, Update and Send) with a chat-length link.</summary>
    public async Task<AdaptiveCard> PreviewAsync(Bulletin bulletin, CancellationToken cancellationToken = default)
    {
        var link = await LinkAsync(bulletin, cancellationToken: cancellationToken).ConfigureAwait(false);
        return BulletinCard.Build(new BulletinCardView(bulletin, link?.Url, link?.Expires, ForOrganiser: true));
    }

    /// <summary>The card a department (or an organiser, on a schedule) receives, with a link that lasts <see cref="BulletinOptions.SentLinkLifetime"/>.</summary>
    public async Task<AdaptiveCard> IssuedCardAsync(Bulletin bulletin, bool forOrganiser, CancellationToken cancellationToken = default)
    {
        var link = await LinkAsync(bulletin, options.Value.SentLinkLifetime, cancellationToken).ConfigureAwait(false);
        return BulletinCard.Build(new BulletinCardView(bulletin, link?.Url, link?.Expires, forOrganiser));
    }

    public static byte[] Docx(Bulletin bulletin)
    {
        using var stream = new MemoryStream();
        BulletinDocument.Write(stream, bulletin);
        return stream.ToArray();
    }

    private static string Scope(string meetingId, string period) => meetingId + "/" + period;
}
