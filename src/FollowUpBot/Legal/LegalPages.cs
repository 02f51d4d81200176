using System.Net;
using System.Text;
using FollowUpBot.Localization;

namespace FollowUpBot.Legal;

/// <summary>
/// <c>GET /privacy</c> and <c>GET /terms</c>: the pages the Teams manifest links to (<c>privacyUrl</c>,
/// <c>termsOfUseUrl</c>), in zh-CN or en-US (<c>?lang=</c>, else the browser's Accept-Language). They say
/// plainly what the bot stores and where; the text lives in <c>Localization/texts.*.json</c>.
/// </summary>
internal static class LegalPages
{
    public static IEndpointRouteBuilder MapLegalPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/privacy", (string? lang, HttpContext http) => Page(http, lang, "legal.privacy"));
        endpoints.MapGet("/terms", (string? lang, HttpContext http) => Page(http, lang, "legal.terms"));
        return endpoints;
    }

    private static IResult Page(HttpContext http, string? lang, string page)
    {
        var locale = UiLocales.FromTag(lang ?? http.Request.Headers.AcceptLanguage.ToString());
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(locale.Tag()).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(WebUtility.HtmlEncode(Texts.Get(locale, page + ".title"))).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.6}</style></head><body><main><h1>")
            .Append(WebUtility.HtmlEncode(Texts.Get(locale, page + ".title"))).Append("</h1>");
        foreach (var paragraph in Texts.Get(locale, page + ".body").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        var other = locale == UiLocale.ZhCN ? UiLocale.EnUS : UiLocale.ZhCN;
        html.Append("<p><a href=\"?lang=").Append(other.Tag()).Append("\">").Append(WebUtility.HtmlEncode(Texts.Get(other, "legal.language"))).Append("</a></p></main></body></html>");
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
