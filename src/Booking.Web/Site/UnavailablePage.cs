using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Booking.ServiceDefaults;
using Booking.Web.Infrastructure;
using Booking.Web.Resources;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Booking.Web.Site;

/// <summary>What a browser on the site is shown instead of an error when the platform cannot serve it for a moment
/// (database or cluster unreachable): a plain page in the visitor's language asking them to try again. The status
/// stays 503 with Retry-After, as the API answers.</summary>
public static class UnavailablePage
{
    /// <summary>Escapes markup only; French letters stay as they are (the page is UTF-8).</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool IsWanted(HttpRequest request) =>
        !ApiPaths.Contains(request.Path) && request.GetTypedHeaders().Accept.Any(a => a.MediaType == "text/html");

    public static async Task WriteAsync(HttpContext context)
    {
        // The exception left the localisation middleware's scope; the culture it chose is still on the request.
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } chosen)
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (chosen.Culture, chosen.UICulture);
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SiteText>>();
        var html = Html;
        var again = context.Request.Path + context.Request.QueryString.ToString();
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{PlatformLanguages.Current}">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{html.Encode(text["Unavailable.Title"])}</title>
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
                <main id="content" class="wrap">
                    <h1>{html.Encode(text["Unavailable.Title"])}</h1>
                    <p>{html.Encode(text["Unavailable.Body"])}</p>
                    <p><a href="{html.Encode(again)}">{html.Encode(text["Unavailable.TryAgain"])}</a></p>
                </main>
            </body>
            </html>
            """);
    }
}
