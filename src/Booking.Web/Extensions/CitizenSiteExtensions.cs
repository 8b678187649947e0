using Booking.Messages;
using Booking.Web.Components;
using Booking.Web.Infrastructure;
using Booking.Web.Site;

namespace Booking.Web.Extensions;

/// <summary>The citizens' booking site: Blazor components rendered statically on the server (no per-visitor
/// circuit, so a campaign's peak costs requests, not server memory), in French by default and in English.</summary>
public static class CitizenSiteExtensions
{
    public static IHostApplicationBuilder AddCitizenSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization();
        builder.Services.AddScoped<SiteMessages>();
        builder.Services.AddSingleton<AppointmentCalendar>();
        builder.Services.Configure<RequestLocalizationOptions>(SiteLanguage.Configure);
        return builder;
    }

    public static WebApplication MapCitizenSite(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use(SiteLanguage.RememberChoice);
        app.UseAntiforgery();
        app.MapStaticAssets();
        // Pages and their form posts (hold, confirm, cancel, move) count against the same per-client limit as the API.
        app.MapRazorComponents<App>().RequireRateLimiting(ClientRateLimiting.Policy);
        app.MapCalendarDownload();
        return app;
    }
}
