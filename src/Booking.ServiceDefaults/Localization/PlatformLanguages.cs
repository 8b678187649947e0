using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Booking.ServiceDefaults;

/// <summary>The platform's two languages, French first, for the citizens' site and the staff site alike. Each site
/// says how a visitor chooses (a query parameter, a switch page); the choice is kept in the same cookie.</summary>
public static class PlatformLanguages
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    /// <summary>"fr" or "en": the language of the current request.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";

    public static string Other => Current == "en" ? "fr" : "en";

    /// <summary>The culture behind a plain language code, or null for anything but "fr" and "en".</summary>
    public static CultureInfo? Culture(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        "fr" => French,
        "en" => English,
        _ => null,
    };

    /// <summary>French by default; the providers are asked in order, then the cookie.</summary>
    public static void Configure(RequestLocalizationOptions options, params IRequestCultureProvider[] choosers)
    {
        options.DefaultRequestCulture = new RequestCulture(French);
        options.SupportedCultures = options.SupportedUICultures = [French, English];
        options.RequestCultureProviders = [.. choosers, new CookieRequestCultureProvider()];
    }

    public static void Remember(HttpResponse response, CultureInfo culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
