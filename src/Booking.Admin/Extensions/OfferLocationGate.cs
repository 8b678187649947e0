using System.Text.RegularExpressions;
using Booking.Staff.Access;
using Microsoft.AspNetCore.Authorization;

namespace Booking.Admin.Extensions;

/// <summary>
/// A form posted about a clinic this person may not manage (<see cref="StaffPolicies.ManageOffer"/> at the clinic) is
/// answered 404 before its page runs. The pages refuse such GETs themselves with the not-found page; a POST would
/// otherwise reach Blazor's form dispatch, which answers 400 when the refused page has rendered no form.
/// </summary>
public static partial class OfferLocationGate
{
    public static IApplicationBuilder UseOfferLocationGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated == true
            && LocationPath().Match(context.Request.Path.Value ?? "") is { Success: true } match && Guid.TryParse(match.Groups[1].Value, out var locationId)
            && !(await context.RequestServices.GetRequiredService<IAuthorizationService>()
                .AuthorizeAsync(context.User, StaffScope.OfLocation(locationId), StaffPolicies.ManageOffer)).Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    });

    [GeneratedRegex("^/offer/locations/([0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex LocationPath();
}
