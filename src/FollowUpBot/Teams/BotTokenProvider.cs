using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace FollowUpBot.Teams;

/// <summary>Tokens for calls to the Bot Connector; null when the bot runs anonymously (local development).</summary>
internal interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// MSAL-backed tokens (PROTOCOL.md §2.1): client secret or certificate against the bot's own tenant
/// (single-tenant), the botframework.com tenant (multi-tenant bots created before August 2025), or a
/// user-assigned managed identity. MSAL caches and refreshes the token; the app objects are kept for that.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly BotOptions _options;
    private readonly Lazy<IConfidentialClientApplication>? _confidential;
    private readonly Lazy<IManagedIdentityApplication>? _managedIdentity;

    public MsalBotTokenProvider(IOptions<BotOptions> options)
    {
        _options = options.Value;
        if (_options.IsAnonymous)
        {
            return;
        }

        if (_options.AppType == BotAppType.UserAssignedMSI)
        {
            _managedIdentity = new(() => ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.AppId))
                .Build());
        }
        else
        {
            _confidential = new(CreateConfidentialClient);
        }
    }

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken = default) => GetTokenAsync(_options.ConnectorScope, cancellationToken);

    /// <summary>
    /// A token of the bot's own identity for another resource (e.g. <c>https://graph.microsoft.com/.default</c>
    /// for Microsoft Graph); null when the bot runs anonymously.
    /// </summary>
    public async Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken = default)
    {
        if (_managedIdentity is not null)
        {
            var resource = scope.Replace("/.default", string.Empty, StringComparison.Ordinal);
            var result = await _managedIdentity.Value.AcquireTokenForManagedIdentity(resource)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }

        if (_confidential is not null)
        {
            var result = await _confidential.Value.AcquireTokenForClient([scope])
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }

        return null;
    }

    private IConfidentialClientApplication CreateConfidentialClient()
    {
        // Single-tenant bots must ask their own tenant; asking botframework.com fails with AADSTS700016.
        var tenant = _options.AppType == BotAppType.MultiTenant ? "botframework.com" : _options.TenantId;
        var builder = ConfidentialClientApplicationBuilder.Create(_options.AppId)
            .WithAuthority(new Uri(_options.EntraInstance, tenant).ToString(), validateAuthority: true);
        builder = string.IsNullOrWhiteSpace(_options.CertificatePath)
            ? builder.WithClientSecret(_options.ClientSecret)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(_options.CertificatePath, _options.CertificatePassword), sendX5C: true);
        return builder.Build();
    }
}
