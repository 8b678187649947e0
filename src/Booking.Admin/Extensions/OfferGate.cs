using System.Text.RegularExpressions;
using Booking.Data.Offer;
using Booking.Staff.Access;
using Microsoft.AspNetCore.Authorization;

namespace Booking.Admin.Extensions;

/// <summary>
/// A form posted about a clinic, tenant or campaign this person may not manage (<see cref="StaffPolicies.ManageOffer"/>
/// there) is answered 404 before its page runs. The pages refuse such GETs themselves with the not-found page; a POST
/// would otherwise reach Blazor's form dispatch, which answers 400 when the refused page has rendered no form.
/// </summary>
public static partial class OfferGate
{
    public static IApplicationBuilder UseOfferGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated == true
            && OfferPath().Match(context.Request.Path.Value ?? "") is { Success: true } match && Guid.TryParse(match.Groups["id"].Value, out var id)
            && !await AllowedAsync(context, match.Groups["kind"].Value, id))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    });

    private static async Task<bool> AllowedAsync(HttpContext context, string kind, Guid id)
    {
        var scope = kind switch
        {
            "locations" => StaffScope.OfLocation(id),
            "campaigns" => await context.RequestServices.GetRequiredService<CampaignRepository>().TenantOfAsync(id, context.RequestAborted) is { } tenant
                ? StaffScope.OfTenant(tenant)
                : null,
            _ => StaffScope.OfTenant(id),
        };
        return scope is not null && (await context.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(context.User, scope, StaffPolicies.ManageOffer)).Succeeded;
    }

    [GeneratedRegex("^/offer/(?<kind>locations|tenants|campaigns)/(?<id>[0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex OfferPath();
}
