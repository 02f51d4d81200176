using System.Globalization;
using System.Text;
using FollowUpBot.Checklists;
using FollowUpBot.Departments;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Teams;

namespace FollowUpBot.Meetings;

internal sealed record PublishResult(MeetingDocument Meeting, bool Published, string Message);

/// <summary>
/// Publish (DESIGN.md flow 2): numbers the items once and for all, marks the meeting published, then — in the
/// background, since Teams wants the button answered at once — sends each department's checklist card: a 1:1
/// message to every contact, or a post in the department's channel. Deliveries are recorded on the meeting, so
/// publishing again sends only to recipients not reached yet; the organiser is told who was not reached and why.
/// </summary>
internal sealed partial class MeetingPublisher(MeetingLedger ledger, BackgroundWorkQueue background, TimeProvider time, ILogger<MeetingPublisher> logger)
{
    public async Task<PublishResult> PublishAsync(string meetingId, TurnContext turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var locale = turn.Locale;
        var stored = await ledger.UpdateMeetingAsync(meetingId, m =>
        {
            if (m.State != MeetingState.Draft || m.Items.Count == 0)
            {
                return m;
            }

            var number = 0;
            return MeetingProjection.Normalize(m with
            {
                State = MeetingState.Published,
                PublishedAt = time.GetUtcNow(),
                Items = [.. m.Items.Select(i => i with { Number = ++number })],
            });
        }, cancellationToken).ConfigureAwait(false);
        var meeting = stored.Document;
        if (meeting.State == MeetingState.Draft)
        {
            return new PublishResult(meeting, false, Texts.Get(locale, "review.nothingToPublish"));
        }

        var organiserChat = (turn.Activity.ServiceUrl, turn.Activity.Conversation?.Id);
        background.Enqueue((services, stopping) => services.GetRequiredService<ChecklistDelivery>()
            .DeliverAsync(meetingId, locale, organiserChat.ServiceUrl, organiserChat.Id, stopping));
        var departments = meeting.Items.SelectMany(i => i.Lead.Concat(i.Support)).Distinct(StringComparer.Ordinal).Count();
        LogPublished(logger, meetingId, meeting.Items.Count, departments);
        return new PublishResult(meeting, true, Texts.Format(locale, "review.published", meeting.Items.Count, departments));
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Published meeting {MeetingId}: {Items} items, {Departments} departments.")]
    private static partial void LogPublished(ILogger logger, string meetingId, int items, int departments);
}

/// <summary>Sends (and later updates) the checklist cards of a published meeting.</summary>
internal sealed partial class ChecklistDelivery(
    MeetingLedger ledger,
    DirectoryStore directory,
    ConversationReferenceStore references,
    ProactiveMessenger messenger,
    ConnectorClient connector,
    PendingDeliveryStore pending,
    DeliveryRetries retries,
    FollowUpBot.Progress.LastAskedItems lastAsked,
    TimeProvider time,
    ILogger<ChecklistDelivery> logger)
{
    /// <summary>How old a meeting read a card update may be built from (the per-message path's two seconds).</summary>
    private static readonly TimeSpan CardsFrom = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Sends the checklists not sent yet. A contact the bot cannot reach yet gets the app installed (Microsoft Graph) and
    /// their checklist waits for the installation's conversationUpdate; a throttled installation is tried again after
    /// Graph's Retry-After. With <paramref name="onlyRecipient"/>, only that contact's checklists are tried (a release or a retry).
    /// </summary>
    public async Task DeliverAsync(string meetingId, UiLocale organiserLocale, string? organiserServiceUrl, string? organiserConversationId, CancellationToken cancellationToken, string? onlyRecipient = null)
    {
        var meeting = (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;
        if (meeting is null || meeting.State != MeetingState.Published)
        {
            return;
        }

        var departments = (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var delivered = meeting.Deliveries.Select(d => (d.Department, d.Recipient)).ToHashSet();
        var sent = new List<CardDelivery>();
        var undelivered = new List<UndeliveredCard>();
        var now = time.GetUtcNow();
        var tenantId = meeting.TenantId ?? string.Empty;

        var installing = new List<UndeliveredCard>();
        var throttled = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var name in meeting.Items.SelectMany(i => i.Lead.Concat(i.Support)).Distinct(StringComparer.Ordinal))
        {
            if (onlyRecipient is not null)
            {
                if (departments.TryGetValue(name, out var only) && only.Channel is null && only.Contacts.Any(c => c.AadObjectId == onlyRecipient))
                {
                    await SendToContactsAsync(only, [.. only.Contacts.Where(c => c.AadObjectId == onlyRecipient)]).ConfigureAwait(false);
                }

                continue;
            }

            if (!departments.TryGetValue(name, out var department))
            {
                undelivered.Add(new UndeliveredCard { Department = name, Reason = "notInDirectory", At = now });
                continue;
            }

            if (department.Channel is { } channel)
            {
                var recipient = "channel:" + channel.ChannelId;
                if (!delivered.Contains((name, recipient)))
                {
                    var card = ChecklistCard.Build(new ChecklistView(meeting, name, organiserLocale, Today(meeting)));
                    await TryAsync(name, recipient, department.Name, undelivered, async () =>
                    {
                        var delivery = await messenger.PostToChannelAsync(tenantId, channel.TeamId, channel.ChannelId, TurnContext.CardActivity(card), cancellationToken).ConfigureAwait(false);
                        sent.Add(Record(name, recipient, delivery, organiserLocale));
                        await lastAsked.RecordAsync(tenantId, delivery.ConversationId, ItemsOf(meeting, name), cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                }

                continue;
            }

            if (department.Contacts.Count == 0)
            {
                undelivered.Add(new UndeliveredCard { Department = name, Reason = "noContact", At = now });
                continue;
            }

            await SendToContactsAsync(department, department.Contacts).ConfigureAwait(false);
        }

        async Task SendToContactsAsync(Department department, IReadOnlyList<Contact> contacts)
        {
            var name = department.Name;
            foreach (var contact in contacts)
            {
                if (delivered.Contains((name, contact.AadObjectId)))
                {
                    continue;
                }

                try
                {
                    var reference = await references.GetAsync(tenantId, contact.AadObjectId, cancellationToken).ConfigureAwait(false);
                    var locale = reference?.Locale is { } tag ? UiLocales.FromTag(tag) : organiserLocale;
                    IReadOnlyList<string>? refreshUsers = reference?.UserId is { } userId ? [userId] : null;
                    var card = ChecklistCard.Build(new ChecklistView(meeting, name, locale, Today(meeting), RefreshUserIds: refreshUsers));
                    var delivery = await messenger.SendOrInstallAsync(tenantId, contact.AadObjectId, TurnContext.CardActivity(card), organiserServiceUrl, cancellationToken).ConfigureAwait(false);
                    sent.Add(Record(name, contact.AadObjectId, delivery, locale));
                    await lastAsked.RecordAsync(tenantId, delivery.ConversationId, ItemsOf(meeting, name), cancellationToken).ConfigureAwait(false);
                }
                catch (RecipientUnreachableException e)
                {
                    var miss = new UndeliveredCard { Department = name, Recipient = contact.AadObjectId, RecipientName = contact.Name ?? contact.Upn, Reason = ReasonOf(e.Reason), At = time.GetUtcNow() };
                    undelivered.Add(miss);
                    if (e.Reason == UnreachableReason.Installing)
                    {
                        installing.Add(miss);
                        await pending.AddAsync(tenantId, contact.AadObjectId, new PendingMeeting
                        {
                            MeetingId = meetingId,
                            OrganiserServiceUrl = organiserServiceUrl,
                            OrganiserConversationId = organiserConversationId,
                            OrganiserLocale = organiserLocale.Tag(),
                            At = time.GetUtcNow(),
                        }, cancellationToken).ConfigureAwait(false);
                    }
                    else if (e.Reason == UnreachableReason.Throttled && e.RetryAfter is { } after)
                    {
                        throttled[contact.AadObjectId] = after;
                        retries.Schedule(after, meetingId, contact.AadObjectId, organiserLocale, organiserServiceUrl, organiserConversationId);
                    }
                }
                catch (ConnectorException e)
                {
                    LogSendFailed(logger, name, e.Kind, e);
                    undelivered.Add(new UndeliveredCard { Department = name, Recipient = contact.AadObjectId, RecipientName = contact.Name ?? contact.Upn, Reason = "transient", At = time.GetUtcNow() });
                }
            }
        }

        meeting = (await ledger.UpdateMeetingAsync(meetingId, m => m with
        {
            Deliveries = [.. m.Deliveries, .. sent.Where(s => !m.Deliveries.Any(d => d.Department == s.Department && d.Recipient == s.Recipient))],
            Undelivered = onlyRecipient is null ? undelivered : [.. m.Undelivered.Where(u => u.Recipient != onlyRecipient), .. undelivered],
        }, cancellationToken).ConfigureAwait(false)).Document;
        LogDelivered(logger, meetingId, sent.Count, undelivered.Count);

        if (organiserServiceUrl is not null && organiserConversationId is not null)
        {
            var report = Report(meeting, sent, undelivered, throttled, departments, organiserLocale);
            await connector.SendAsync(organiserServiceUrl, organiserConversationId,
                new Activity { Type = ActivityTypes.Message, Text = report, TextFormat = "markdown" }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The open items a department's checklist names (a checklist of one item makes it the default of a reply).</summary>
    private static List<ItemReference> ItemsOf(MeetingDocument meeting, string department) =>
        [.. meeting.Items.Where(i => i.Status != ProgressStatus.Closed && (i.Lead.Contains(department, StringComparer.Ordinal) || i.Support.Contains(department, StringComparer.Ordinal)))
            .Select(i => new ItemReference(meeting.Id, i.Id))];

    /// <summary>Re-renders every delivered checklist that shows one of these departments (PUT), so all viewers see the change.</summary>
    public async Task UpdateCardsAsync(string meetingId, IReadOnlyCollection<string> departments, string? exceptActivityId, CancellationToken cancellationToken)
    {
        // Updates follow this instance's own meeting writes (the projector's, a publish), which the ledger remembers:
        // no second read of the meeting just written.
        var meeting = (await ledger.GetRecentMeetingAsync(meetingId, CardsFrom, cancellationToken).ConfigureAwait(false))?.Document;
        if (meeting is null)
        {
            return;
        }

        foreach (var delivery in meeting.Deliveries.Where(d => departments.Contains(d.Department) && d.ActivityId != exceptActivityId && d.ActivityId is not null))
        {
            var card = ChecklistCard.Build(new ChecklistView(meeting, delivery.Department, UiLocales.FromTag(delivery.Locale), Today(meeting)));
            try
            {
                await messenger.UpdateAsync(new ProactiveDelivery(delivery.ServiceUrl, delivery.ConversationId, delivery.ActivityId), TurnContext.CardActivity(card), cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException e)
            {
                // The card refreshes itself when next opened (Universal Actions); an update that fails loses no data.
                LogUpdateFailed(logger, delivery.Department, e.Kind, e);
            }
        }
    }

    public static DateOnly Today(MeetingDocument meeting, TimeProvider? time = null)
    {
        var zone = meeting.TimeZone is { } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((time ?? TimeProvider.System).GetUtcNow(), zone).DateTime);
    }

    private DateOnly Today(MeetingDocument meeting) => Today(meeting, time);

    private async Task TryAsync(string department, string recipient, string? recipientName, List<UndeliveredCard> undelivered, Func<Task> send)
    {
        try
        {
            await send().ConfigureAwait(false);
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

    private CardDelivery Record(string department, string recipient, ProactiveDelivery delivery, UiLocale locale) => new()
    {
        Department = department,
        Recipient = recipient,
        ServiceUrl = delivery.ServiceUrl,
        ConversationId = delivery.ConversationId,
        ActivityId = delivery.ActivityId,
        Locale = locale.Tag(),
        SentAt = time.GetUtcNow(),
    };

    private static string ReasonOf(UnreachableReason reason) => reason switch
    {
        UnreachableReason.NoConversationReference => "noConversationReference",
        UnreachableReason.BlockedByUser => "blockedByUser",
        UnreachableReason.BotNotInConversation => "botNotInConversation",
        UnreachableReason.NotFound => "notFound",
        UnreachableReason.Installing => "installing",
        UnreachableReason.InstallForbidden => "installForbidden",
        UnreachableReason.UserNotFound => "userNotFound",
        UnreachableReason.Throttled => "throttled",
        UnreachableReason.InstallNotConfigured => "noConversationReference",
        _ => "channelUnknown",
    };

    /// <summary>
    /// The organiser's publish report: how many were sent and to whom, then every contact not reached with the reason and
    /// what happens next; contacts the app is being installed for are counted apart ("installing for N contacts").
    /// </summary>
    private static string Report(MeetingDocument meeting, List<CardDelivery> sent, List<UndeliveredCard> undelivered, Dictionary<string, TimeSpan> throttled,
        Dictionary<string, Department> departments, UiLocale locale)
    {
        string NameOf(string department, string recipient) =>
            departments.GetValueOrDefault(department)?.Contacts.FirstOrDefault(c => c.AadObjectId == recipient) is { } contact ? contact.Name ?? contact.Upn ?? recipient
            : recipient.StartsWith("channel:", StringComparison.Ordinal) ? Texts.Get(locale, "publish.channel") : recipient;

        var text = new StringBuilder(Texts.Format(locale, "publish.report", meeting.Title, sent.Count));
        if (sent.Count > 0)
        {
            text.Append(' ').Append(string.Join(locale == UiLocale.ZhCN ? "、" : ", ", sent.Select(s => $"{s.Department} ({NameOf(s.Department, s.Recipient)})")));
        }

        var installing = undelivered.Where(u => u.Reason == "installing").ToList();
        var missed = undelivered.Where(u => u.Reason != "installing").ToList();
        if (installing.Count > 0)
        {
            text.Append("\n\n").Append(Texts.Format(locale, "publish.installing", installing.Count.ToString(CultureInfo.InvariantCulture)));
            foreach (var wait in installing)
            {
                text.Append("\n- **").Append(wait.Department).Append("** (").Append(wait.RecipientName ?? wait.Recipient).Append(')');
            }
        }

        if (missed.Count == 0)
        {
            if (installing.Count == 0)
            {
                text.Append(' ').Append(Texts.Get(locale, "publish.allReached"));
            }

            return text.ToString();
        }

        text.Append("\n\n").Append(Texts.Format(locale, "publish.unreached", missed.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var miss in missed)
        {
            var who = miss.RecipientName ?? miss.Recipient;
            var reason = miss.Reason == "throttled" && miss.Recipient is { } r && throttled.TryGetValue(r, out var after)
                ? Texts.Format(locale, "publish.reason.throttled", Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture))
                : Texts.Get(locale, "publish.reason." + miss.Reason);
            text.Append("\n- **").Append(miss.Department).Append("**").Append(who is null ? string.Empty : $" ({who})")
                .Append(": ").Append(reason);
        }

        return text.ToString();
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Checklists of {MeetingId}: {Sent} sent, {Undelivered} not reached.")]
    private static partial void LogDelivered(ILogger logger, string meetingId, int sent, int undelivered);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Sending the checklist of {Department} failed ({Kind}).")]
    private static partial void LogSendFailed(ILogger logger, string department, ConnectorErrorKind kind, Exception exception);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Updating a checklist card of {Department} failed ({Kind}).")]
    private static partial void LogUpdateFailed(ILogger logger, string department, ConnectorErrorKind kind, Exception exception);
}

/// <summary>
/// Retries of contacts Microsoft Graph throttled, after its Retry-After (on the injected clock). Kept in memory: after a
/// restart, the organiser's "Send to recipients not reached yet" does the same, and nothing was marked as sent.
/// </summary>
internal sealed class DeliveryRetries(BackgroundWorkQueue background, TimeProvider time) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string MeetingId, string Recipient), ITimer> _timers = [];

    public void Schedule(TimeSpan after, string meetingId, string recipient, UiLocale locale, string? organiserServiceUrl, string? organiserConversationId)
    {
        var key = (meetingId, recipient);
        lock (_lock)
        {
            if (_timers.ContainsKey(key))
            {
                return;
            }

            _timers[key] = time.CreateTimer(_ =>
            {
                lock (_lock)
                {
                    if (_timers.Remove(key, out var timer))
                    {
                        timer.Dispose();
                    }
                }

                background.Enqueue((services, stopping) => services.GetRequiredService<ChecklistDelivery>()
                    .DeliverAsync(meetingId, locale, organiserServiceUrl, organiserConversationId, stopping, onlyRecipient: recipient));
            }, null, after, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }
}
