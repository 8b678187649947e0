using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Booking.Web.Site;

/// <summary>
/// The site's two languages. French is the default; <c>?lang=fr|en</c> (the switch link, and the links in our
/// e-mails) chooses one and a cookie keeps the choice on the following pages.
/// </summary>
public static class SiteLanguage
{
    public const string QueryKey = "lang";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    /// <summary>"fr" or "en": the language of the current request.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";

    public static string Other => Current == "en" ? "fr" : "en";

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(French);
        options.SupportedCultures = options.SupportedUICultures = [French, English];
        options.RequestCultureProviders = [new QueryProvider(), new CookieRequestCultureProvider()];
    }

    /// <summary>Writes the cookie when the query chose a language, so the choice survives links without <c>lang</c>.</summary>
    public static Task RememberChoice(HttpContext context, RequestDelegate next)
    {
        if (Culture(context.Request.Query[QueryKey]) is { } chosen)
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return next(context);
    }

    private static CultureInfo? Culture(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        "fr" => French,
        "en" => English,
        _ => null,
    };

    /// <summary>Reads <c>?lang=fr|en</c> (plain language codes; the cultures behind them are Canadian).</summary>
    private sealed class QueryProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(Culture(httpContext.Request.Query[QueryKey]) is { } culture
                ? new ProviderCultureResult(culture.Name)
                : null);
    }
}
