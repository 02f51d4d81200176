using System.Globalization;
using System.Text;
using FollowUpBot.Departments;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Teams;

namespace FollowUpBot.Bulletins;

/// <summary>Where bulletins go: a person's 1:1 chat or a department's channel (Teams in the app; a fake in unit tests).</summary>
internal interface IBulletinPoster
{
    /// <summary>The person's language as their conversation reference records it, if known.</summary>
    Task<string?> LocaleOfAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    Task<ProactiveDelivery> SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken);

    Task<ProactiveDelivery> PostToChannelAsync(string tenantId, string teamId, string channelId, Activity activity, CancellationToken cancellationToken);
}

internal sealed class TeamsBulletinPoster(ProactiveMessenger messenger, ConversationReferenceStore references) : IBulletinPoster
{
    public async Task<string?> LocaleOfAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        (await references.GetAsync(tenantId, aadObjectId, cancellationToken).ConfigureAwait(false))?.Locale;

    public Task<ProactiveDelivery> SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken) =>
        messenger.SendToUserAsync(tenantId, aadObjectId, activity, cancellationToken);

    public Task<ProactiveDelivery> PostToChannelAsync(string tenantId, string teamId, string channelId, Activity activity, CancellationToken cancellationToken) =>
        messenger.PostToChannelAsync(tenantId, teamId, channelId, activity, cancellationToken);
}

/// <summary>
/// Sends a bulletin to the departments of its meeting the way a checklist goes out at publish: to the
/// department's channel when the directory names one, else to each contact's 1:1 chat. Each delivery is
/// recorded on the period's <c>issue.json</c> (department, recipient, conversation, message id), so sending
/// again reaches only the recipients not reached yet; the organiser is told who was not reached and why.
/// </summary>
internal sealed partial class BulletinDelivery(
    BulletinService bulletins,
    DirectoryStore directory,
    IBulletinPoster poster,
    ConnectorClient connector,
    TimeProvider time,
    ILogger<BulletinDelivery> logger)
{
    public async Task<(int Sent, IReadOnlyList<UndeliveredCard> Undelivered)> SendToDepartmentsAsync(
        string meetingId, DateOnly since, DateOnly until, UiLocale organiserLocale, string? organiserServiceUrl, string? organiserConversationId, CancellationToken cancellationToken)
    {
        var meeting = await bulletins.Meetings.GetAsync(meetingId, cancellationToken).ConfigureAwait(false);
        if (meeting is null || meeting.State != MeetingState.Published)
        {
            return (0, []);
        }

        var issue = (await bulletins.Store.GetIssueAsync(meetingId, since, until, cancellationToken).ConfigureAwait(false))?.Document;
        var delivered = (issue?.Deliveries ?? []).Select(d => (d.Department, d.Recipient)).ToHashSet();
        var departments = (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var cards = new Dictionary<UiLocale, Activity>();
        async Task<Activity> CardAsync(UiLocale locale)
        {
            if (!cards.TryGetValue(locale, out var activity))
            {
                var bulletin = await bulletins.BuildAsync(meeting, locale, since, until, cancellationToken).ConfigureAwait(false);
                cards[locale] = activity = TurnContext.CardActivity(await bulletins.IssuedCardAsync(bulletin, forOrganiser: false, cancellationToken).ConfigureAwait(false));
            }

            return activity;
        }

        var tenantId = meeting.TenantId ?? string.Empty;
        var sent = new List<CardDelivery>();
        var undelivered = new List<UndeliveredCard>();
        var names = BulletinRules.Build(meeting, until, organiserLocale, bulletins.ZoneOf(meeting), since).Departments;
        foreach (var name in names)
        {
            if (!departments.TryGetValue(name, out var department))
            {
                undelivered.Add(new UndeliveredCard { Department = name, Reason = "notInDirectory", At = time.GetUtcNow() });
                continue;
            }

            if (department.Channel is { } channel)
            {
                var recipient = "channel:" + channel.ChannelId;
                if (!delivered.Contains((name, recipient)))
                {
                    await TryAsync(name, recipient, name, organiserLocale, sent, undelivered, async () =>
                        await poster.PostToChannelAsync(tenantId, channel.TeamId, channel.ChannelId, await CardAsync(organiserLocale).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                }

                continue;
            }

            if (department.Contacts.Count == 0)
            {
                undelivered.Add(new UndeliveredCard { Department = name, Reason = "noContact", At = time.GetUtcNow() });
                continue;
            }

            foreach (var contact in department.Contacts.Where(c => !delivered.Contains((name, c.AadObjectId))))
            {
                var tag = await poster.LocaleOfAsync(tenantId, contact.AadObjectId, cancellationToken).ConfigureAwait(false);
                var locale = tag is null ? organiserLocale : UiLocales.FromTag(tag);
                await TryAsync(name, contact.AadObjectId, contact.Name, locale, sent, undelivered, async () =>
                    await poster.SendToUserAsync(tenantId, contact.AadObjectId, await CardAsync(locale).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        await bulletins.Store.UpdateIssueAsync(meetingId, since, until, i => i with
        {
            Deliveries = [.. i.Deliveries, .. sent.Where(s => !i.Deliveries.Any(d => d.Department == s.Department && d.Recipient == s.Recipient))],
            Undelivered = undelivered,
        }, cancellationToken).ConfigureAwait(false);
        LogSent(logger, meetingId, sent.Count, undelivered.Count);

        if (organiserServiceUrl is not null && organiserConversationId is not null)
        {
            var title = (await bulletins.BuildAsync(meeting, organiserLocale, since, until, cancellationToken).ConfigureAwait(false)).Title;
            await connector.SendAsync(organiserServiceUrl, organiserConversationId,
                new Activity { Type = ActivityTypes.Message, Text = Report(title, sent.Count, undelivered, organiserLocale), TextFormat = "markdown" }, cancellationToken).ConfigureAwait(false);
        }

        return (sent.Count, undelivered);
    }

    private async Task TryAsync(string department, string recipient, string? recipientName, UiLocale locale, List<CardDelivery> sent, List<UndeliveredCard> undelivered, Func<Task<ProactiveDelivery>> send)
    {
        try
        {
            var delivery = await send().ConfigureAwait(false);
            sent.Add(new CardDelivery
            {
                Department = department,
                Recipient = recipient,
                ServiceUrl = delivery.ServiceUrl,
                ConversationId = delivery.ConversationId,
                ActivityId = delivery.ActivityId,
                Locale = locale.Tag(),
                SentAt = time.GetUtcNow(),
            });
        }
        catch (RecipientUnreachableException e)
        {
            undelivered.Add(new UndeliveredCard { Department = department, Recipient = recipient, RecipientName = recipientName, Reason = ReasonOf(e.Reason), At = time.GetUtcNow() });
        }
        catch (ConnectorException e)
        {
            LogSendFailed(logger, department, e.Kind, e);
            undelivered.Add(new UndeliveredCard { Department = department, Recipient = recipient, RecipientName = recipientName, Reason = "transient", At = time.GetUtcNow() });
        }
    }

    private static string ReasonOf(UnreachableReason reason) => reason switch
    {
        UnreachableReason.NoConversationReference => "noConversationReference",
        UnreachableReason.BlockedByUser => "blockedByUser",
        UnreachableReason.BotNotInConversation => "botNotInConversation",
        UnreachableReason.NotFound => "notFound",
        _ => "channelUnknown",
    };

    private static string Report(string title, int sent, List<UndeliveredCard> undelivered, UiLocale locale)
    {
        var text = new StringBuilder(sent == 0 && undelivered.Count == 0
            ? Texts.Format(locale, "bulletin.sendNone", title)
            : Texts.Format(locale, "bulletin.sendReport", title, sent));
        if (undelivered.Count > 0)
        {
            text.Append("\n\n").Append(Texts.Format(locale, "bulletin.unreached", undelivered.Count.ToString(CultureInfo.InvariantCulture)));
            foreach (var miss in undelivered)
            {
                var who = miss.RecipientName ?? miss.Recipient;
                // The publish report's reasons say the same thing for checklists; one wording for both.
                text.Append("\n- **").Append(miss.Department).Append("**").Append(who is null || who == miss.Department ? string.Empty : $" ({who})")
                    .Append(": ").Append(Texts.Get(locale, "publish.reason." + miss.Reason));
            }
        }

        return text.ToString();
    }

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Bulletin of {MeetingId} sent to departments: {Sent} sent, {Undelivered} not reached.")]
    private static partial void LogSent(ILogger logger, string meetingId, int sent, int undelivered);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Warning, Message = "Sending the bulletin to {Department} failed ({Kind}).")]
    private static partial void LogSendFailed(ILogger logger, string department, ConnectorErrorKind kind, Exception exception);
}
