using Booking.ServiceDefaults;
using Microsoft.AspNetCore.Localization;

namespace Booking.Web.Site;

/// <summary>
/// How a citizen chooses a language: <c>?lang=fr|en</c> (the switch link, and the links in our e-mails), which the
/// cookie then keeps on the following pages. French is the default (<see cref="PlatformLanguages"/>).
/// </summary>
public static class SiteLanguage
{
    public const string QueryKey = "lang";

    public static void Configure(RequestLocalizationOptions options) => PlatformLanguages.Configure(options, new QueryProvider());

    /// <summary>Writes the cookie when the query chose a language, so the choice survives links without <c>lang</c>.</summary>
    public static Task RememberChoice(HttpContext context, RequestDelegate next)
    {
        if (PlatformLanguages.Culture(context.Request.Query[QueryKey]) is { } chosen)
            PlatformLanguages.Remember(context.Response, chosen);
        return next(context);
    }

    /// <summary>Reads <c>?lang=fr|en</c> (plain language codes; the cultures behind them are Canadian).</summary>
    private sealed class QueryProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(PlatformLanguages.Culture(httpContext.Request.Query[QueryKey]) is { } culture
                ? new ProviderCultureResult(culture.Name)
                : null);
    }
}
