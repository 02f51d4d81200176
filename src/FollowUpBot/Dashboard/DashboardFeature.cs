using System.Security.Claims;
using FollowUpBot.FollowUp;
using FollowUpBot.Localization;
using FollowUpBot.Summaries;
using FollowUpBot.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FollowUpBot.Dashboard;

internal static partial class DashboardFeature
{
    /// <summary>The authentication scheme of Teams single sign-on tokens sent by the dashboard tab.</summary>
    public const string SsoScheme = "TeamsSso";

    /// <summary>The dashboard tab's script asks for the page's main content only (it keeps its own frame).</summary>
    public const string FragmentHeader = "X-Dashboard-Fragment";

    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self' https://res.cdn.office.net; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://*.skype.com";

    /// <summary>
    /// Teams single sign-on for the dashboard tab: a JwtBearer scheme (not the default one) that accepts
    /// tokens for the manifest's <c>webApplicationInfo</c> resource (<c>api://{host}/botid-{appId}</c>, or the
    /// app id itself for v2 tokens) issued by the bot's tenant; the organiser list decides the rest.
    /// </summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        // Only the dashboard asks for this scheme, by name. As the only scheme it would otherwise become the default one
        // (ASP.NET Core 7+), and the authentication middleware would run every Bot Framework request's connector token
        // through the SSO validation, fail it, and pay for that on every message.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        builder.Services.AddAuthentication().AddJwtBearer(SsoScheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(SsoScheme)
            .Configure<IOptions<SummaryOptions>, IOptions<BotOptions>, IOptions<FollowUpOptions>>((jwt, summaries, bot, followUp) =>
            {
                var sso = SsoSettings.From(summaries.Value, bot.Value, followUp.Value);
                jwt.MapInboundClaims = false;
                jwt.RefreshOnIssuerKeyNotFound = true;
                if (sso is null)
                {
                    return;
                }

                jwt.MetadataAddress = sso.MetadataUrl.AbsoluteUri;
                jwt.RequireHttpsMetadata = !sso.MetadataUrl.IsLoopback;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudiences = sso.Audiences,
                    ValidIssuers = sso.Issuers,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromMinutes(2),
                };
            });
        return builder;
    }

    /// <summary>
    /// <c>/dashboard</c> (meetings), <c>/dashboard/meetings/{id}</c> (charts, lists, items) and
    /// <c>/dashboard/meetings/{id}/items/{itemId}</c> (history), plus the assets they need, all served here.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/dashboard");
        group.MapGet("/", MeetingsAsync);
        group.MapGet("/meetings/{meetingId}", MeetingAsync);
        group.MapGet("/meetings/{meetingId}/items/{itemId}", ItemAsync);
        group.MapGet("/assets/{name}", Asset);
        return endpoints;
    }

    private static Task<IResult> MeetingsAsync(HttpContext http, SummaryService summaries, CancellationToken cancellationToken) =>
        PageAsync(http, summaries, "/dashboard", async (locale, href, expires) =>
        {
            var overview = await summaries.OverviewAsync(cancellationToken).ConfigureAwait(false);
            var list = overview.Lines.OrderByDescending(l => l.Header.PublishedAt ?? l.Header.CreatedAt).Select(l => l.Summary).ToList();
            return (T(locale, "dashboard.meetings"), DashboardPages.Meetings(locale, list, href, expires));
        }, cancellationToken);

    private static Task<IResult> MeetingAsync(string meetingId, HttpContext http, SummaryService summaries, CancellationToken cancellationToken) =>
        PageAsync(http, summaries, DashboardPages.MeetingPath(meetingId), async (locale, href, expires) =>
        {
            var meeting = await summaries.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
            return meeting is null
                ? null
                : (meeting.Title, DashboardPages.Meeting(locale, meeting, summaries.Summarise(meeting), href, expires));
        }, cancellationToken);

    private static Task<IResult> ItemAsync(string meetingId, string itemId, HttpContext http, SummaryService summaries, CancellationToken cancellationToken) =>
        PageAsync(http, summaries, DashboardPages.ItemPath(meetingId, itemId), async (locale, href, expires) =>
        {
            var meeting = await summaries.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
            if (meeting?.FindItem(itemId) is not { } item)
            {
                return null;
            }

            var history = await MeetingHistory.ReadItemAsync(summaries.Ledger, meetingId, itemId, cancellationToken).ConfigureAwait(false);
            return (item.Task, DashboardPages.Item(locale, meeting, item, summaries.TodayFor(meeting), history, href, expires));
        }, cancellationToken);

    /// <summary>Checks who asks, then renders: 401 (with the sign-in page, no data), 403, 404 or the page.</summary>
    private static async Task<IResult> PageAsync(
        HttpContext http,
        SummaryService summaries,
        string path,
        Func<UiLocale, DashboardHref, DateTimeOffset?, Task<(string Title, string Main)?>> render,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        var locale = UiLocales.FromTag(request.Query["lang"].FirstOrDefault() ?? FirstLanguage(request.Headers.AcceptLanguage.ToString()));
        var fragment = request.Headers.ContainsKey(FragmentHeader);
        Secure(http.Response);
        var access = await AuthorizeAsync(http, summaries, cancellationToken).ConfigureAwait(false);
        var lang = "lang=" + locale.Tag();
        DashboardHref href;
        switch (access.Kind)
        {
            case AccessKind.None:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Html(DashboardPages.Document(locale, T(locale, "dashboard.title"), DashboardPages.SignIn(locale), p => $"{p}?{lang}", path, withScripts: true), StatusCodes.Status401Unauthorized);
            case AccessKind.Refused:
                return Html(Page(locale, DashboardPages.Message(locale, "dashboard.forbidden"), path), StatusCodes.Status403Forbidden);
            case AccessKind.Link:
                var signed = $"exp={Uri.EscapeDataString(request.Query["exp"].ToString())}&sig={Uri.EscapeDataString(request.Query["sig"].ToString())}&{lang}";
                href = p => $"{p}?{signed}";
                break;
            default:
                href = p => $"{p}?{lang}";
                break;
        }

        var page = await render(locale, href, access.Expires).ConfigureAwait(false);
        if (page is not { } found)
        {
            return Html(Page(locale, DashboardPages.Message(locale, "dashboard.notFound"), path), StatusCodes.Status404NotFound);
        }

        return Html(fragment ? found.Main : DashboardPages.Document(locale, found.Title, found.Main, href, path, withScripts: access.Kind == AccessKind.Sso), StatusCodes.Status200OK);

        string Page(UiLocale l, string main, string p) => DashboardPages.Document(l, T(l, "dashboard.title"), main, x => $"{x}?{lang}", p, withScripts: false);
    }

    private static async Task<Access> AuthorizeAsync(HttpContext http, SummaryService summaries, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (query.ContainsKey("sig") || query.ContainsKey("exp"))
        {
            var exp = query["exp"].ToString();
            return await summaries.Links.VerifyAsync(LinkSigner.DashboardPurpose, LinkSigner.AllMeetings, exp, query["sig"].ToString(), cancellationToken).ConfigureAwait(false)
                ? new Access(AccessKind.Link, DateTimeOffset.FromUnixTimeSeconds(long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture)))
                : new Access(AccessKind.Refused, null);
        }

        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return new Access(AccessKind.None, null);
        }

        var sso = SsoSettings.From(
            http.RequestServices.GetRequiredService<IOptions<SummaryOptions>>().Value,
            http.RequestServices.GetRequiredService<IOptions<BotOptions>>().Value,
            http.RequestServices.GetRequiredService<IOptions<FollowUpOptions>>().Value);
        if (sso is null)
        {
            return new Access(AccessKind.None, null);
        }

        var result = await http.AuthenticateAsync(SsoScheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal is not { } user)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardFeature));
            LogTokenRefused(logger, result.Failure);
            return new Access(AccessKind.None, null);
        }

        var objectId = user.FindFirstValue("oid") ?? user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier");
        return summaries.IsOrganiser(objectId) ? new Access(AccessKind.Sso, null) : new Access(AccessKind.Refused, null);
    }

    private static ContentHttpResult Html(string html, int status) =>
        TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static Results<FileContentHttpResult, NotFound> Asset(string name)
    {
        var (resource, type) = name switch
        {
            "dashboard.css" => ("FollowUpBot.Dashboard.dashboard.css", "text/css; charset=utf-8"),
            "dashboard.js" => ("FollowUpBot.Dashboard.dashboard.js", "text/javascript; charset=utf-8"),
            "teams-js.js" => ("FollowUpBot.Dashboard.MicrosoftTeams.min.js", "text/javascript; charset=utf-8"),
            _ => (null, null),
        };
        if (resource is null || DashboardAssets.Read(resource) is not { } bytes)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(bytes, type);
    }

    private static string? FirstLanguage(string acceptLanguage) =>
        acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Split(';')[0];

    private static string T(UiLocale locale, string key) => Texts.Get(locale, key);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "A dashboard request's Teams token was refused")]
    private static partial void LogTokenRefused(ILogger logger, Exception? exception);

    private enum AccessKind
    {
        None,
        Refused,
        Link,
        Sso,
    }

    private sealed record Access(AccessKind Kind, DateTimeOffset? Expires);
}

/// <summary>What a Teams SSO token must say; null when the bot has no app id or public address (then only signed links open the dashboard).</summary>
internal sealed record SsoSettings(Uri MetadataUrl, string[] Audiences, string[] Issuers)
{
    public static SsoSettings? From(SummaryOptions summaries, BotOptions bot, FollowUpOptions followUp)
    {
        if (string.IsNullOrWhiteSpace(bot.AppId) || string.IsNullOrWhiteSpace(bot.TenantId))
        {
            return null;
        }

        var resource = summaries.SsoResource;
        if (string.IsNullOrWhiteSpace(resource))
        {
            if (followUp.PublicBaseUrl is not { } url)
            {
                return null;
            }

            resource = $"api://{(url.IsDefaultPort ? url.Host : url.Authority)}/botid-{bot.AppId}";
        }

        var instance = bot.EntraInstance.AbsoluteUri.TrimEnd('/');
        var metadata = summaries.SsoMetadataUrl ?? new Uri($"{instance}/{bot.TenantId}/v2.0/.well-known/openid-configuration");
        return new SsoSettings(
            metadata,
            [resource, bot.AppId],
            [$"{instance}/{bot.TenantId}/v2.0", $"https://sts.windows.net/{bot.TenantId}/"]);
    }
}

/// <summary>The dashboard's own files, embedded in the assembly (Teams' library is copied from node_modules at build).</summary>
internal static class DashboardAssets
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static byte[]? Read(string resource) => Cache.GetOrAdd(resource, static name =>
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
