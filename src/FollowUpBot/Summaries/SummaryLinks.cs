using System.Globalization;
using FollowUpBot.FollowUp;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Summaries;

/// <summary>A signed link and when it stops working.</summary>
internal sealed record SignedLink(Uri Url, DateTimeOffset Expires);

/// <summary>
/// Makes and checks the short-lived signed links of the export and the dashboard. The key is loaded on
/// first use (configuration, else the one kept in storage) and then kept for the life of the process.
/// </summary>
internal sealed class SummaryLinks(
    IBlobStore store,
    IOptions<SummaryOptions> options,
    IOptions<FollowUpOptions> followUp,
    TimeProvider time,
    IHostEnvironment environment,
    IServer server) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LinkSigner? _signer;

    /// <summary>
    /// The bot's public address; in Development without one, the address this process listens on (so links from
    /// <c>dotnet run</c> open on this machine); otherwise null, and no link can be given.
    /// </summary>
    public Uri? PublicBaseUrl => followUp.Value.PublicBaseUrl is { } url
        ? WithSlash(url)
        : environment.IsDevelopment() ? ListeningAddress() : null;

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    /// <summary>The first address Kestrel listens on (https first), with a wildcard host made <c>localhost</c> for a browser.</summary>
    private Uri? ListeningAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
        {
            var text = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return WithSlash(uri);
            }
        }

        return null;
    }

    public async Task<LinkSigner> SignerAsync(CancellationToken cancellationToken = default)
    {
        if (_signer is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _signer ??= new LinkSigner(await LinkKeys.LoadOrCreateAsync(store, options.Value.LinkKey, time, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary><c>/export/{meetingId}.xlsx?exp=…&amp;sig=…</c> on the public address; null without one.</summary>
    public async Task<SignedLink?> ExportAsync(string meetingId, UiLocale locale, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(meetingId);
        if (PublicBaseUrl is not { } baseUrl)
        {
            return null;
        }

        var expires = Expiry();
        var signer = await SignerAsync(cancellationToken).ConfigureAwait(false);
        var query = signer.Query(LinkSigner.ExportPurpose, meetingId, expires);
        return new SignedLink(new Uri(baseUrl, $"export/{Uri.EscapeDataString(meetingId)}.xlsx?{query}&lang={locale.Tag()}"), expires);
    }

    /// <summary><c>/dashboard?exp=…&amp;sig=…</c> (all meetings, or opened at one) on the public address; null without one.</summary>
    public async Task<SignedLink?> DashboardAsync(UiLocale locale, string? meetingId = null, CancellationToken cancellationToken = default)
    {
        if (PublicBaseUrl is not { } baseUrl)
        {
            return null;
        }

        var expires = Expiry();
        var signer = await SignerAsync(cancellationToken).ConfigureAwait(false);
        var path = meetingId is null ? "dashboard" : $"dashboard/meetings/{Uri.EscapeDataString(meetingId)}";
        return new SignedLink(new Uri(baseUrl, $"{path}?{signer.Query(LinkSigner.DashboardPurpose, LinkSigner.AllMeetings, expires)}&lang={locale.Tag()}"), expires);
    }

    public async Task<bool> VerifyAsync(string purpose, string scope, string? exp, string? sig, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig))
        {
            return false;
        }

        var signer = await SignerAsync(cancellationToken).ConfigureAwait(false);
        return signer.Verify(purpose, scope, exp, sig, time.GetUtcNow());
    }

    public void Dispose() => _gate.Dispose();

    public static string ExpiryText(DateTimeOffset expires) =>
        expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private DateTimeOffset Expiry()
    {
        // Whole seconds: the link carries Unix seconds, and the signature is over the same value.
        var now = time.GetUtcNow() + options.Value.LinkLifetime;
        return DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
    }
}
