using Booking.ServiceDefaults;
using Microsoft.AspNetCore.Localization;

namespace Booking.Admin.Account;

/// <summary>How staff choose a language: a switch page that sets the cookie (staff pages carry no language in their
/// addresses, unlike the citizens' links in e-mails). French is the default (<see cref="PlatformLanguages"/>).</summary>
public static class StaffLanguage
{
    public static void Configure(RequestLocalizationOptions options) => PlatformLanguages.Configure(options);

    /// <summary><c>GET /language/{fr|en}?back=/path</c>: remembers the choice and returns to the page (local paths only).</summary>
    public static IEndpointRouteBuilder MapStaffLanguage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{language}", Choose);
        return endpoints;
    }

    private static IResult Choose(HttpContext context, string language, string? back)
    {
        PlatformLanguages.Remember(context.Response, PlatformLanguages.Culture(language) ?? PlatformLanguages.French);
        return Results.LocalRedirect(LocalReturn.Or(back, "/"));
    }
}
