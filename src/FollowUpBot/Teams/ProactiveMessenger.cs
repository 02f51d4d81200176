namespace FollowUpBot.Teams;

/// <summary>Where a proactive message went: the conversation and the message id (for later updates).</summary>
internal sealed record ProactiveDelivery(string ServiceUrl, string ConversationId, string? ActivityId);

/// <summary>Why a proactive message could not be sent, in terms an organiser can act on.</summary>
internal enum UnreachableReason
{
    /// <summary>The user never talked to the bot nor shares a team or chat with it: install the app for them.</summary>
    NoConversationReference,
    BlockedByUser,
    BotNotInConversation,
    NotFound,
    /// <summary>The team of the department's channel never had the bot added.</summary>
    ChannelUnknown,

    /// <summary>The app was installed for the user; the message waits for Teams to open the chat (the installation's conversationUpdate).</summary>
    Installing,

    /// <summary>Installing the app was refused (403): Graph permission or admin consent missing, or the app is blocked for the user.</summary>
    InstallForbidden,

    /// <summary>Microsoft Graph knows no such user (404).</summary>
    UserNotFound,

    /// <summary>Microsoft Graph asked to wait (429, Retry-After).</summary>
    Throttled,

    /// <summary>Proactive installation is off: no <c>FollowUp:TeamsAppCatalogId</c> or Graph disabled.</summary>
    InstallNotConfigured,
}

internal sealed class RecipientUnreachableException : Exception
{
    public RecipientUnreachableException()
    {
    }

    public RecipientUnreachableException(string message)
        : base(message)
    {
    }

    public RecipientUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecipientUnreachableException(UnreachableReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public UnreachableReason Reason { get; }

    /// <summary>For <see cref="UnreachableReason.Throttled"/>: when to try again.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>
/// Opens a 1:1 chat between the bot and a user who never talked to it, by installing the app for them (Microsoft Graph).
/// Returns the chat's id, or null while Teams has not created it yet; refusals become <see cref="RecipientUnreachableException"/>.
/// </summary>
internal interface IPersonalChatProvisioner
{
    Task<string?> ProvisionAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Messages people and channels the bot was not just spoken to by (PROTOCOL.md §2.3, §3.3): by Entra object id
/// through the stored reference — opening a 1:1 chat with the tenant id when only the user's Teams id is known —
/// or as a new post in a team's channel. Permanent refusals become <see cref="RecipientUnreachableException"/>;
/// transient ones stay <see cref="ConnectorException"/> for the caller to retry later.
/// </summary>
internal sealed class ProactiveMessenger(ConversationReferenceStore references, RosterService rosters, ConnectorClient connector, IPersonalChatProvisioner? provisioner = null)
{
    /// <summary>
    /// As <see cref="SendToUserAsync"/>; for a user the bot has no way to reach, installs the app for them first and sends
    /// to the chat Teams opens (through <paramref name="serviceUrl"/>, the tenant's, e.g. the organiser's). When the chat
    /// is not there yet, throws <see cref="UnreachableReason.Installing"/>: the installation's conversationUpdate brings it.
    /// </summary>
    public async Task<ProactiveDelivery> SendOrInstallAsync(string tenantId, string aadObjectId, Activity activity, string? serviceUrl, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendToUserAsync(tenantId, aadObjectId, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (RecipientUnreachableException e) when (e.Reason == UnreachableReason.NoConversationReference)
        {
            // Only a contact the bot never had a chat with: someone who removed the app keeps it removed.
            if (provisioner is null)
            {
                throw;
            }
        }

        var chatId = await provisioner.ProvisionAsync(tenantId, aadObjectId, cancellationToken).ConfigureAwait(false);
        if (chatId is null || serviceUrl is null)
        {
            throw new RecipientUnreachableException(UnreachableReason.Installing, $"Installed the app for {aadObjectId}; waiting for Teams to open the chat.");
        }

        try
        {
            var outgoing = activity with
            {
                Type = activity.Type ?? ActivityTypes.Message,
                Conversation = new ConversationAccount { Id = chatId, ConversationType = "personal", TenantId = tenantId },
            };
            var sent = await connector.SendAsync(serviceUrl, chatId, outgoing, cancellationToken).ConfigureAwait(false);
            await references.SaveInstalledChatAsync(tenantId, aadObjectId, serviceUrl, chatId, cancellationToken).ConfigureAwait(false);
            return new ProactiveDelivery(serviceUrl, chatId, sent.Id);
        }
        catch (ConnectorException e) when (e.IsPermanentForRecipient)
        {
            // Teams knows the chat but the bot is not in it yet: the installation's conversationUpdate releases the message.
            throw new RecipientUnreachableException(UnreachableReason.Installing, $"The chat with {aadObjectId} is not ready yet: {e.Code}.", e);
        }
    }

    public async Task<ProactiveDelivery> SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken = default)
    {
        var reference = await references.GetAsync(tenantId, aadObjectId, cancellationToken).ConfigureAwait(false);
        if (reference?.UserId is null && reference?.ConversationId is null)
        {
            // Perhaps they are in a team or chat whose members the bot has not read yet.
            await rosters.RefreshTenantAsync(tenantId, cancellationToken).ConfigureAwait(false);
            reference = await references.GetAsync(tenantId, aadObjectId, cancellationToken).ConfigureAwait(false);
        }

        if (reference is null || (reference.ConversationId is null && reference.UserId is null))
        {
            throw new RecipientUnreachableException(UnreachableReason.NoConversationReference,
                $"The user {aadObjectId} has not installed the bot and is in no team or chat the bot is in.");
        }

        try
        {
            var conversationId = reference.ConversationId;
            if (conversationId is null)
            {
                var created = await connector.CreateConversationAsync(reference.ServiceUrl, new ConversationParameters
                {
                    Bot = new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
                    Members = [new ChannelAccount { Id = reference.UserId }],
                    TenantId = tenantId,
                    ChannelData = new TeamsChannelData { Tenant = new IdName { Id = tenantId } },
                }, cancellationToken).ConfigureAwait(false);
                conversationId = created.Id ?? throw new ConnectorException("Create conversation answered without an id.");
                await references.SetPersonalConversationAsync(tenantId, aadObjectId, conversationId, cancellationToken).ConfigureAwait(false);
            }

            var outgoing = Outgoing(activity, reference) with { Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = tenantId } };
            var sent = await connector.SendAsync(reference.ServiceUrl, conversationId, outgoing, cancellationToken).ConfigureAwait(false);
            return new ProactiveDelivery(reference.ServiceUrl, conversationId, sent.Id);
        }
        catch (ConnectorException e) when (e.IsPermanentForRecipient)
        {
            throw Unreachable(e, aadObjectId);
        }
    }

    /// <summary>Starts a new thread in a team's channel; the team must have the bot (its reference gives the serviceUrl).</summary>
    public async Task<ProactiveDelivery> PostToChannelAsync(string tenantId, string teamId, string channelId, Activity activity, CancellationToken cancellationToken = default)
    {
        ConversationReferenceDocument? team = null;
        await foreach (var candidate in references.ListAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(candidate.TeamId, teamId, StringComparison.Ordinal) && candidate.Installed)
            {
                team = candidate;
                break;
            }
        }

        if (team is null)
        {
            throw new RecipientUnreachableException(UnreachableReason.ChannelUnknown, $"The bot has not been added to the team {teamId}.");
        }

        try
        {
            var created = await connector.CreateConversationAsync(team.ServiceUrl, new ConversationParameters
            {
                IsGroup = true,
                Bot = new ChannelAccount { Id = team.BotId, Name = team.BotName },
                TenantId = tenantId,
                ChannelData = new TeamsChannelData { Channel = new IdName { Id = channelId }, Team = new TeamInfo { Id = teamId }, Tenant = new IdName { Id = tenantId } },
                Activity = Outgoing(activity, team),
            }, cancellationToken).ConfigureAwait(false);
            return new ProactiveDelivery(team.ServiceUrl, created.Id ?? channelId, created.ActivityId ?? created.Id);
        }
        catch (ConnectorException e) when (e.IsPermanentForRecipient)
        {
            throw Unreachable(e, channelId);
        }
    }

    /// <summary>Replaces a message the bot sent earlier (e.g. a checklist card whose items changed).</summary>
    public Task UpdateAsync(ProactiveDelivery delivery, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.ActivityId is null
            ? Task.CompletedTask
            : connector.UpdateAsync(delivery.ServiceUrl, delivery.ConversationId, delivery.ActivityId, activity with { Type = activity.Type ?? ActivityTypes.Message }, cancellationToken);
    }

    private static Activity Outgoing(Activity activity, ConversationReferenceDocument reference) => activity with
    {
        Type = activity.Type ?? ActivityTypes.Message,
        From = activity.From ?? new ChannelAccount { Id = reference.BotId, Name = reference.BotName },
        Locale = activity.Locale ?? reference.Locale,
    };

    private static RecipientUnreachableException Unreachable(ConnectorException e, string who) => new(
        e.Kind switch
        {
            ConnectorErrorKind.BlockedByUser => UnreachableReason.BlockedByUser,
            ConnectorErrorKind.NotFound => UnreachableReason.NotFound,
            _ => UnreachableReason.BotNotInConversation,
        },
        $"Teams refused the message to {who}: {e.Code}.",
        e);
}
