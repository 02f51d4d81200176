namespace FollowUpBot.Teams;

/// <summary>
/// What an activity must hold before anything is stored or answered: a conversation, ids that Teams could
/// have sent (not empty, at most <see cref="MaxIdLength"/> characters, no control characters), and, for the
/// activities the bot acts on, a serviceUrl it may answer. Anything else is a 400 with the reason.
/// </summary>
internal static class ActivityShape
{
    /// <summary>Teams' ids are well under a few hundred characters; this leaves room and bounds every URL the bot builds from them.</summary>
    public const int MaxIdLength = 1024;

    /// <summary>The activity without null elements in its lists (<c>"attachments":[null]</c> is valid JSON), so handlers need not check each one.</summary>
    public static Activity WithoutNullElements(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity with
        {
            Attachments = Compact(activity.Attachments),
            Entities = Compact(activity.Entities),
            MembersAdded = Compact(activity.MembersAdded),
            MembersRemoved = Compact(activity.MembersRemoved),
        };
    }

    private static IReadOnlyList<T>? Compact<T>(IReadOnlyList<T>? list)
        where T : class =>
        list is null || list.All(e => e is not null) ? list : [.. list.OfType<T>()];

    /// <summary>The reason the activity is refused, or null when the bot can handle it.</summary>
    public static string? Problem(Activity activity, IEnumerable<string> allowedServiceUrlHosts)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation id.";
        }

        foreach (var (field, id) in Ids(activity))
        {
            if (id is null)
            {
                continue;
            }

            if (id.Length == 0 || id.Length > MaxIdLength)
            {
                return $"The activity's {field} is empty or longer than {MaxIdLength} characters.";
            }

            if (id.Any(char.IsControl))
            {
                return $"The activity's {field} contains control characters.";
            }
        }

        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate)
        {
            if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
            {
                return "The activity's serviceUrl is missing or not an absolute http(s) URL.";
            }

            if (!ConnectorClient.IsAllowedHost(serviceUrl, allowedServiceUrlHosts))
            {
                return "The activity's serviceUrl is not a host the bot answers (Bot:AllowedServiceUrlHosts).";
            }
        }

        return null;
    }

    private static IEnumerable<(string Field, string? Id)> Ids(Activity activity)
    {
        yield return ("id", activity.Id);
        yield return ("replyToId", activity.ReplyToId);
        yield return ("conversation.id", activity.Conversation?.Id);
        yield return ("conversation.tenantId", activity.Conversation?.TenantId);
        yield return ("from.id", activity.From?.Id);
        yield return ("from.aadObjectId", activity.From?.AadObjectId);
        yield return ("recipient.id", activity.Recipient?.Id);
        yield return ("channelData.tenant.id", activity.ChannelData?.Tenant?.Id);
        yield return ("channelData.team.id", activity.ChannelData?.Team?.Id);
        yield return ("channelData.channel.id", activity.ChannelData?.Channel?.Id);
        foreach (var member in (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []))
        {
            yield return ("member id", member.Id);
            yield return ("member aadObjectId", member.AadObjectId);
        }
    }
}
