using Booking.Staff.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Booking.Admin.Account;

public static class StaffSignOut
{
    /// <summary><c>POST /signout</c> from the layout's form (its antiforgery token is checked: no other site can sign staff out).</summary>
    public static IEndpointRouteBuilder MapStaffSignOut(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signout", SignOut);
        return endpoints;
    }

    private static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.BadRequest();
        await signIn.SignOutAsync();
        await context.SignOutAsync(StaffSchemes.Enrolment);
        return Results.LocalRedirect("/signin");
    }
}
