using System.Text.RegularExpressions;
using Booking.Data.Bookings;
using Booking.Data.Offer;
using Booking.Grains.Inventory;
using Booking.Staff.Access;
using Microsoft.AspNetCore.Authorization;

namespace Booking.Admin.Extensions;

/// <summary>
/// A form posted about a resource the person may not act on — a clinic, organisation or campaign of the offer
/// (<see cref="StaffPolicies.ManageOffer"/> there), a clinic's day (<see cref="StaffPolicies.RunClinicDay"/> there), a
/// booking a contact-centre agent acts on for a caller, or the clinic where an agent books a new appointment for one
/// (<see cref="StaffPolicies.ActForCallers"/> at its clinic) — is answered 404 before its page runs. The pages refuse
/// such GETs themselves with the not-found page; a POST would otherwise reach Blazor's form dispatch, which answers 400
/// when the refused page has rendered no form. The services check again before any change.
/// </summary>
public static partial class ScopedFormGate
{
    public static IApplicationBuilder UseScopedFormGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated == true && await AllowedAsync(context) == false)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    });

    /// <summary>Whether the person may act on the resource the address names; null for an address that names none.</summary>
    private static async Task<bool?> AllowedAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (OfferPath().Match(path) is { Success: true } offer && Guid.TryParse(offer.Groups["id"].Value, out var id))
            return await OfferScopeAsync(context, offer.Groups["kind"].Value, id) is { } scope
                && await AuthorizedAsync(context, StaffPolicies.ManageOffer, scope);
        if (ClinicDayPath().Match(path) is { Success: true } day && Guid.TryParse(day.Groups["id"].Value, out var locationId))
            return await AuthorizedAsync(context, StaffPolicies.RunClinicDay, StaffScope.OfLocation(locationId));
        if (CallerBookingPath().Match(path) is { Success: true } caller && Guid.TryParse(caller.Groups["id"].Value, out var bookingId))
            return await context.RequestServices.GetRequiredService<BookingRepository>().FindByIdAsync(bookingId, context.RequestAborted) is { } booking
                && await AuthorizedAsync(context, StaffPolicies.ActForCallers, StaffScope.OfLocation(booking.LocationId));
        if (path == "/contact-centre/new" && await NewBookingClinicAsync(context) is { } clinicId)
            return await AuthorizedAsync(context, StaffPolicies.ActForCallers, StaffScope.OfLocation(clinicId));
        return null;
    }

    /// <summary>The clinic of a new booking for a caller: the one of the hold it books, else the one the address names.</summary>
    private static async Task<Guid?> NewBookingClinicAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (HoldId.TryParse(form?["holdId"].FirstOrDefault(), out var day, out _))
            return day.LocationId;
        return Guid.TryParse(context.Request.Query["clinic"].FirstOrDefault(), out var clinicId) ? clinicId : null;
    }

    private static async Task<StaffScope?> OfferScopeAsync(HttpContext context, string kind, Guid id) => kind switch
    {
        "locations" => StaffScope.OfLocation(id),
        "campaigns" => await context.RequestServices.GetRequiredService<CampaignRepository>().TenantOfAsync(id, context.RequestAborted) is { } tenant
            ? StaffScope.OfTenant(tenant)
            : null,
        _ => StaffScope.OfTenant(id),
    };

    private static async Task<bool> AuthorizedAsync(HttpContext context, string policy, StaffScope scope) =>
        (await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, scope, policy)).Succeeded;

    [GeneratedRegex("^/offer/(?<kind>locations|tenants|campaigns)/(?<id>[0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex OfferPath();

    [GeneratedRegex("^/clinic-day/(?<id>[0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex ClinicDayPath();

    [GeneratedRegex("^/contact-centre/bookings/(?<id>[0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex CallerBookingPath();
}
