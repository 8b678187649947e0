using System.Text.RegularExpressions;
using Booking.Staff.Access;
using Microsoft.AspNetCore.Authorization;

namespace Booking.Admin.Extensions;

/// <summary>
/// A form posted to a clinic's day where the person may not run it answers 404 before Blazor looks for the form (which
/// it would otherwise answer 400, having rendered none), exactly like the page; the services check again before any
/// change.
/// </summary>
public static partial class ClinicDayGate
{
    public static IApplicationBuilder UseClinicDayGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated == true
            && ClinicDayPath().Match(context.Request.Path.Value ?? "") is { Success: true } match && Guid.TryParse(match.Groups["id"].Value, out var id)
            && !(await context.RequestServices.GetRequiredService<IAuthorizationService>()
                .AuthorizeAsync(context.User, StaffScope.OfLocation(id), StaffPolicies.RunClinicDay)).Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    });

    [GeneratedRegex("^/clinic-day/(?<id>[0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex ClinicDayPath();
}
