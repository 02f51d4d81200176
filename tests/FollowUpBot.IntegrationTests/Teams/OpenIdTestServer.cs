using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>
/// Stands in for login.botframework.com in tests: serves OpenID metadata and a JWKS whose keys carry
/// Bot Framework <c>endorsements</c>, on loopback, with keys generated here; and mints tokens with them.
/// </summary>
internal sealed class OpenIdTestServer : IAsyncDisposable
{
    public const string EndorsedKeyId = "endorsed-msteams";
    public const string OtherChannelKeyId = "endorsed-webchat";

    private readonly WebApplication _app;

    private OpenIdTestServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Uri MetadataUrl => new(BaseUrl, "v1/.well-known/openidconfiguration");

    public RSA TeamsKey { get; } = RSA.Create(2048);

    public RSA WebChatKey { get; } = RSA.Create(2048);

    /// <summary>A key the server never published.</summary>
    public RSA StrangerKey { get; } = RSA.Create(2048);

    public static async Task<OpenIdTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        OpenIdTestServer? server = null;
        app.MapGet("/{**path}", (string path, HttpContext http) =>
        {
            var origin = $"{http.Request.Scheme}://{http.Request.Host}/";
            if (path.EndsWith("keys", StringComparison.Ordinal))
            {
                return Results.Text(server!.Jwks().ToJsonString(), "application/json");
            }

            if (path.EndsWith("openidconfiguration", StringComparison.Ordinal) || path.EndsWith("openid-configuration", StringComparison.Ordinal))
            {
                var metadata = new JsonObject
                {
                    ["issuer"] = "https://api.botframework.com",
                    ["jwks_uri"] = origin + "v1/keys",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                };
                return Results.Text(metadata.ToJsonString(), "application/json");
            }

            return Results.NotFound();
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        server = new OpenIdTestServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    public string CreateToken(
        string audience,
        string? serviceUrl,
        string issuer = "https://api.botframework.com",
        RSA? key = null,
        string keyId = EndorsedKeyId,
        string algorithm = SecurityAlgorithms.RsaSha256,
        DateTime? expires = null)
    {
        var signingKey = new RsaSecurityKey(key ?? TeamsKey) { KeyId = keyId };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey, algorithm),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        TeamsKey.Dispose();
        WebChatKey.Dispose();
        StrangerKey.Dispose();
    }

    private JsonObject Jwks() => new()
    {
        ["keys"] = new JsonArray(Jwk(TeamsKey, EndorsedKeyId, "msteams"), Jwk(WebChatKey, OtherChannelKeyId, "webchat")),
    };

    private static JsonObject Jwk(RSA key, string kid, string endorsement)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(endorsement),
        };
    }
}
