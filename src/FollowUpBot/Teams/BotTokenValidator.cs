using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FollowUpBot.Teams;

/// <summary>
/// Inbound authentication of <c>POST /api/messages</c> (PROTOCOL.md §1): Bot Framework tokens with
/// their OpenID metadata, plus the configured tenant's Entra v1/v2 issuers; the metadata is chosen by
/// the token's issuer before the signature is checked. The checks that need the activity
/// (<c>serviceurl</c> claim, channel endorsements) are in <see cref="BotCaller.Authorize"/>.
/// </summary>
internal sealed partial class BotTokenValidator
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.Ordinal);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly IOptionsMonitor<BotOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<BotTokenValidator> _logger;

    public BotTokenValidator(IOptionsMonitor<BotOptions> options, IHttpClientFactory httpClientFactory, IHostEnvironment environment, ILogger<BotTokenValidator> logger)
    {
        _options = options;
        _httpClientFactory = httpClientFactory;
        _environment = environment;
        _logger = logger;
    }

    public const string MetadataClient = "bot-openid-metadata";

    /// <summary>Authenticates the request's Authorization header; the outcome says what to answer.</summary>
    public async Task<BotCaller> AuthenticateAsync(string? authorization, CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        if (string.IsNullOrEmpty(authorization))
        {
            if (options.AllowAnonymous && _environment.IsDevelopment())
            {
                return BotCaller.Anonymous;
            }

            LogRejected(_logger, "no Authorization header");
            return BotCaller.Unauthorized;
        }

        var parts = authorization.Split(' ', StringSplitOptions.None);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            LogRejected(_logger, "malformed Authorization header");
            return BotCaller.Unauthorized;
        }

        if (options.IsAnonymous)
        {
            LogRejected(_logger, "a token was sent but Bot:AppId is not configured");
            return BotCaller.Unauthorized;
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            LogRejected(_logger, "not a well-formed JWT");
            return BotCaller.Unauthorized;
        }

        // Pick the metadata by issuer before any key is fetched, so an unknown issuer is refused at once.
        var source = ResolveSource(options, unverified.Issuer);
        if (source is null)
        {
            LogRejected(_logger, "issuer not accepted");
            return BotCaller.Unauthorized;
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await Manager(source.Value.MetadataUrl, options).GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogMetadataUnavailable(_logger, source.Value.MetadataUrl, e);
            return BotCaller.Unauthorized;
        }

        var result = await ValidateAsync(parts[1], options, source.Value, configuration).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key rolled over since the last fetch: refresh once and try again.
            var manager = Manager(source.Value.MetadataUrl, options);
            manager.RequestRefresh();
            try
            {
                configuration = await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
                result = await ValidateAsync(parts[1], options, source.Value, configuration).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
            {
                LogMetadataUnavailable(_logger, source.Value.MetadataUrl, e);
                return BotCaller.Unauthorized;
            }
        }

        if (!result.IsValid)
        {
            LogRejected(_logger, result.Exception?.GetType().Name ?? "invalid token");
            return BotCaller.Unauthorized;
        }

        var token = (JsonWebToken)result.SecurityToken;
        var serviceUrlClaim = token.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
        return new BotCaller(
            BotCallerKind.Authenticated,
            result.ClaimsIdentity,
            source.Value.IsBotFramework,
            serviceUrlClaim,
            EndorsementsOf(configuration, token.Kid));
    }

    private Task<TokenValidationResult> ValidateAsync(string token, BotOptions options, MetadataSource source, OpenIdConnectConfiguration configuration)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = source.Issuers,
            ValidateAudience = true,
            ValidAudiences = [options.AppId!],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
        };
        return _handler.ValidateTokenAsync(token, parameters);
    }

    private static MetadataSource? ResolveSource(BotOptions options, string? issuer)
    {
        if (string.IsNullOrEmpty(issuer))
        {
            return null;
        }

        if (string.Equals(issuer, options.Issuer, StringComparison.Ordinal))
        {
            return new MetadataSource(options.OpenIdMetadataUrl, [options.Issuer], IsBotFramework: true);
        }

        // Entra-issued tokens are accepted only from the bot's own tenant (v1 and v2 issuers).
        if (!string.IsNullOrWhiteSpace(options.TenantId))
        {
            var tenant = options.TenantId.Trim();
            string[] issuers = [$"https://sts.windows.net/{tenant}/", new Uri(options.EntraInstance, $"{tenant}/v2.0").ToString()];
            if (issuers.Contains(issuer, StringComparer.Ordinal))
            {
                return new MetadataSource(new Uri(options.EntraInstance, $"{tenant}/v2.0/.well-known/openid-configuration"), issuers, IsBotFramework: false);
            }
        }

        return null;
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(Uri metadataUrl, BotOptions options) =>
        _managers.GetOrAdd(metadataUrl.AbsoluteUri, url =>
        {
            var retriever = new HttpDocumentRetriever(_httpClientFactory.CreateClient(MetadataClient))
            {
                // Test servers and local stand-ins listen on loopback over plain HTTP; everything else must be HTTPS.
                RequireHttps = !metadataUrl.IsLoopback,
            };
            return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever)
            {
                AutomaticRefreshInterval = options.KeyRefreshInterval,
                RefreshInterval = TimeSpan.FromMinutes(1),
            };
        });

    /// <summary>The channels the signing key is endorsed for, from the raw JWKS (<c>keys[].endorsements</c>); null when the key carries none.</summary>
    private static HashSet<string>? EndorsementsOf(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return null;
        }

        var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        switch (raw)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        endorsements.Add(item.GetString()!);
                    }
                }

                break;
            case IEnumerable<object> list:
                foreach (var item in list)
                {
                    if (item?.ToString() is { } text)
                    {
                        endorsements.Add(text);
                    }
                }

                break;
        }

        return endorsements;
    }

    private readonly record struct MetadataSource(Uri MetadataUrl, string[] Issuers, bool IsBotFramework);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Rejected an inbound activity: {Reason}.")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "The OpenID metadata at {MetadataUrl} could not be fetched; inbound activities are refused until it can.")]
    private static partial void LogMetadataUnavailable(ILogger logger, Uri metadataUrl, Exception exception);
}

internal enum BotCallerKind
{
    Unauthorized,
    Anonymous,
    Authenticated,
}

/// <summary>Who sent an activity, and what is left to check against its body.</summary>
internal sealed record BotCaller(
    BotCallerKind Kind,
    ClaimsIdentity? Identity,
    bool IsBotFramework,
    string? ServiceUrlClaim,
    IReadOnlySet<string>? Endorsements)
{
    public static BotCaller Unauthorized { get; } = new(BotCallerKind.Unauthorized, null, false, null, null);

    public static BotCaller Anonymous { get; } = new(BotCallerKind.Anonymous, null, false, null, null);

    /// <summary>
    /// The checks that need the parsed activity: a Bot Framework token's <c>serviceurl</c> claim must equal
    /// the activity's serviceUrl (401 otherwise), and its key must be endorsed for the activity's channel (403 otherwise).
    /// </summary>
    public HttpStatusCode Authorize(Activity activity)
    {
        switch (Kind)
        {
            case BotCallerKind.Unauthorized:
                return HttpStatusCode.Unauthorized;
            case BotCallerKind.Anonymous:
                return HttpStatusCode.OK;
        }

        if (IsBotFramework)
        {
            if (string.IsNullOrEmpty(ServiceUrlClaim) || !string.Equals(ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return HttpStatusCode.Unauthorized;
            }

            if (Endorsements is null || (!string.IsNullOrEmpty(activity.ChannelId) && !Endorsements.Contains(activity.ChannelId)))
            {
                return HttpStatusCode.Forbidden;
            }
        }

        return HttpStatusCode.OK;
    }
}
