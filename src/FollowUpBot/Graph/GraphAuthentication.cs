using FollowUpBot.Teams;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FollowUpBot.Graph;

/// <summary>Tokens of the bot's own identity for Microsoft Graph; null when the bot runs anonymously (local development).</summary>
internal interface IGraphTokenSource
{
    Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken = default);
}

/// <summary>The same MSAL client (secret, certificate or user-assigned managed identity) as the connector's, asked for Graph's scope.</summary>
internal sealed class BotGraphTokenSource(MsalBotTokenProvider msal) : IGraphTokenSource
{
    public Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken = default) => msal.GetTokenAsync(scope, cancellationToken);
}

/// <summary>
/// Gives the Graph SDK the bearer token, and only for allow-listed hosts over https (or loopback in Development): an
/// <c>@odata.nextLink</c> or a misconfigured base URL pointing elsewhere gets no token. Without credentials (Development,
/// loopback stand-in) requests go without one, as the connector's loopback serviceUrl does.
/// </summary>
internal sealed class GraphAccessTokenProvider(IGraphTokenSource tokens, IOptions<GraphOptions> options) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new(options.Value.AllowedHosts.Where(h => !h.StartsWith('.')));

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var graph = options.Value;
        if (!graph.IsAllowedHost(uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            return string.Empty;
        }

        return await tokens.GetTokenAsync(graph.Scope, cancellationToken).ConfigureAwait(false) ?? string.Empty;
    }
}
