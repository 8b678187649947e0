using Booking.Admin.Account;
using Booking.Admin.Components;
using Booking.Admin.Extracts;
using Booking.Admin.Operations;
using Booking.Admin.Privacy;
using Booking.Admin.Reports;
using Booking.ClusterClient;
using Booking.Data.Infrastructure;
using Booking.Identity.Clients;
using Booking.Identity.Server;
using Booking.Reporting;
using Booking.ServiceDefaults;
using Booking.Staff.Access;
using Booking.Staff.Administration;
using Booking.Staff.Bookings;
using Booking.Staff.ClinicDay;
using Booking.Staff.ContactCentre;
using Booking.Staff.Identity;
using Booking.Staff.Offer;
using Booking.Staff.Privacy;
using Booking.Staff.SharedKeys;
using Booking.Staff.Statistics;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Booking.Admin.Extensions;

/// <summary>The clinic site: Blazor components rendered statically on the server (sign-in must set cookies, which an
/// interactive circuit cannot), French by default and English, behind a two-factor sign-in.</summary>
public static class StaffSiteExtensions
{
    public static IHostApplicationBuilder AddStaffSite(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBookingData(builder.Configuration);
        services.AddBookingProtection(builder.Configuration);
        services.AddSharedDataProtection();
        services.AddStaffAccounts(builder.Configuration).AddSignInManager();
        services.AddStaffAdministration();
        services.AddSingleton<BookingCountsQuery>();
        services.AddScoped<Booking.Staff.Dashboard.ClinicDashboard>();
        services.AddSingleton<BookingConsultation>();
        services.AddSingleton<PrivacyDesk>();
        services.AddSingleton<AccessRequestRecording>();
        services.AddClinicDay(builder.Configuration);
        services.AddContactCentre();
        services.AddStaffOffer();
        services.AddMinistryExtracts(builder.Configuration);
        services.AddScoped<MachineClientAdministration>();
        builder.AddIdentityServer();
        // An Orleans client: schedule changes reach the clinic-days; the cluster dashboard reads the silos.
        builder.AddBookingClusterClient(client => client.AddClusterDashboard(builder.Configuration));
        services.AddScoped<StaffSessionEvents>();
        services.AddHealthChecks().AddDatabaseCheck(ServiceDefaultsExtensions.ReadyTag);

        services.AddAuthentication(StaffSchemes.Site)
            .AddCookie(StaffSchemes.Enrolment, options =>
            {
                options.Cookie.Name = ".Booking.Staff.Enrolment";
                options.LoginPath = "/signin";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(10);
                options.SlidingExpiration = false;
                options.EventsType = typeof(StaffSessionEvents);
            })
            .AddStaffSiteSignIn(builder.Configuration)
            .AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<StaffSignInOptions>>((cookie, signIn) =>
            {
                cookie.Cookie.Name = ".Booking.Staff";
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.LoginPath = "/signin";
                // The session closes after this much inactivity: each request past half of it renews the cookie.
                cookie.ExpireTimeSpan = signIn.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.EventsType = typeof(StaffSessionEvents);
            });
        var twoFactorSession = new AuthorizationPolicyBuilder(StaffSchemes.Site)
            .RequireAuthenticatedUser()
            .RequireClaim(StaffSchemes.MethodsClaim, StaffSchemes.MultiFactor)
            .Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(twoFactorSession)
            .AddPolicy(StaffSchemes.EnrolmentPolicy, policy => policy.AddAuthenticationSchemes(StaffSchemes.Enrolment).RequireAuthenticatedUser());
        // Every page past sign-in names one of these (StaffPolicies): a two-factor session whose person holds the permission.
        services.AddStaffAccess(twoFactorSession);

        services.AddScoped<StaffSignInFlow>();
        services.AddSignInThrottle();
        services.AddRazorComponents();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(StaffLanguage.Configure);
        return builder;
    }

    public static WebApplication MapStaffSite(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseScopedFormGate();
        app.UseAntiforgery();
        app.MapRazorComponents<App>();
        app.MapStaffSignOut();
        app.MapExtractDownloads();
        app.MapIdentityServer();
        app.MapStaffLanguage();
        app.MapClusterDashboard();
        app.MapRightsReportCsv();
        app.MapPrivacyExport();
        return app;
    }
}
