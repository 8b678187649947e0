using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Booking.Admin.Account;

public static class StaffSignOut
{
    /// <summary><c>POST /signout</c> from the layout's form (its antiforgery token is checked: no other site can sign staff out).</summary>
    public static IEndpointRouteBuilder MapStaffSignOut(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/signout", SignOut);
        return endpoints;
    }

    // The site's cookie goes and the session it names ends here, for every staff host; the browser then goes to the
    // identity server's end-session endpoint, which removes the server's cookie, and comes back to the sign-in page.
    // Midway through enrolment (no session yet, the form given to the enrolment's identity) only the enrolment ends.
    private static async Task<IResult> SignOut(HttpContext context, IAntiforgery antiforgery)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        if (!signedIn && (await context.AuthenticateAsync(StaffSchemes.Enrolment)).Principal is { } enrolling)
            context.User = enrolling;
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.BadRequest();
        await context.SignOutAsync(StaffSchemes.Enrolment);
        return signedIn
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/signin" }, [StaffSchemes.OpenIdConnect, StaffSchemes.Site])
            : Results.Redirect("/signin");
    }
}
