using System.Collections.Concurrent;

namespace FollowUpBot.Teams;

/// <summary>
/// Reads the members of the teams and group chats the bot is in (paged members, PROTOCOL.md §2.3) and records
/// each member's Teams id against their Entra object id, so department contacts can be messaged 1:1 even if
/// they never wrote to the bot. Run when the bot is added and when members change; at most once a minute per
/// conversation otherwise.
/// </summary>
internal sealed partial class RosterService(ConversationReferenceStore references, ConnectorClient connector, RosterRefreshTimes refreshTimes, TimeProvider time, ILogger<RosterService> logger)
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRefresh = refreshTimes.Last;

    /// <summary>Reads the roster of one team or group chat (by its stored reference) and records its members.</summary>
    public async Task<int> RefreshAsync(ConversationReferenceDocument conversation, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        // A team's roster is read through the team id; a group chat's through its own id.
        var rosterId = conversation.TeamId ?? conversation.ConversationId;
        if (rosterId is null || conversation.IsPersonal || !conversation.Installed)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        if (!force && _lastRefresh.TryGetValue(rosterId, out var last) && now - last < MinimumInterval)
        {
            return 0;
        }

        _lastRefresh[rosterId] = now;
        var count = 0;
        string? continuation = null;
        do
        {
            var page = await connector.GetPagedMembersAsync(conversation.ServiceUrl, rosterId, 500, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var member in page.Members ?? [])
            {
                if (member.EntraObjectId is not null && member.Id is not null)
                {
                    await references.SaveRosterMemberAsync(conversation, member, cancellationToken).ConfigureAwait(false);
                    count++;
                }
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        LogRefreshed(logger, count);
        return count;
    }

    /// <summary>Reads the rosters of every team and group chat of a tenant the bot is in.</summary>
    public async Task RefreshTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var conversations = new List<ConversationReferenceDocument>();
        await foreach (var reference in references.ListAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            if (!reference.IsPersonal && reference.Installed && reference.Source == "activity")
            {
                conversations.Add(reference);
            }
        }

        foreach (var conversation in conversations.DistinctBy(c => c.TeamId ?? c.ConversationId))
        {
            // One roster that cannot be read (the connector refuses, a member's reference cannot be saved) does not stop the others.
            try
            {
                await RefreshAsync(conversation, force: false, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectorException e)
            {
                LogRefreshFailed(logger, conversation.TeamId ?? conversation.ConversationId, e.Kind, e);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                LogRefreshFailed(logger, conversation.TeamId ?? conversation.ConversationId, ConnectorErrorKind.Unknown, e);
            }
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Read a roster of {Count} members.")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Reading the roster of {RosterId} failed ({Kind}); the other rosters are read.")]
    internal static partial void LogRefreshFailed(ILogger logger, string? rosterId, ConnectorErrorKind kind, Exception exception);
}

/// <summary>When each roster was last read (per app, shared by the transient services that read them).</summary>
internal sealed class RosterRefreshTimes
{
    public ConcurrentDictionary<string, DateTimeOffset> Last { get; } = new(StringComparer.Ordinal);
}

/// <summary>When the bot joins a team or chat, or members join, the roster is read (PROTOCOL.md §3.2).</summary>
internal sealed class RosterOnMembershipChange(ConversationReferenceStore references, RosterService rosters, ILogger<RosterOnMembershipChange> logger) : IConversationEventHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var added = activity.MembersAdded ?? [];
        var joined = added.Count > 0 || (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true);
        if (!joined || references.FromActivity(activity) is not { IsPersonal: false } conversation)
        {
            return;
        }

        try
        {
            await rosters.RefreshAsync(conversation, force: true, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException e)
        {
            // The roster is read again before the next publish; a failure here loses nothing, but is said.
            RosterService.LogRefreshFailed(logger, conversation.TeamId ?? conversation.ConversationId, e.Kind, e);
        }
    }
}
