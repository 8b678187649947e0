using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Booking.Admin.Account;

/// <summary>French by default, English on request; the choice is kept in a cookie (staff pages carry no language in
/// their addresses, unlike the citizens' links in e-mails).</summary>
public static class StaffLanguage
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";

    public static string Other => Current == "en" ? "fr" : "en";

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture(French);
        options.SupportedCultures = options.SupportedUICultures = [French, English];
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
    }

    /// <summary><c>GET /language/{fr|en}?back=/path</c>: remembers the choice and returns to the page (local paths only).</summary>
    public static IEndpointRouteBuilder MapStaffLanguage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{language}", Choose);
        return endpoints;
    }

    private static IResult Choose(HttpContext context, string language, string? back)
    {
        var culture = language == "en" ? English : French;
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(LocalReturn.Or(back, "/"));
    }
}
