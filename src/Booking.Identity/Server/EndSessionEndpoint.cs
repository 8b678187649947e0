using Booking.Staff.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Server.AspNetCore;

namespace Booking.Identity.Server;

/// <summary>Ends the server's session when a staff site signs out (<see cref="EndSessionRequestCheck"/> accepted it):
/// the Identity cookie goes and its session ends in <c>staff_sessions</c>, so every staff site's session tied to it
/// ends too, and the next sign-in asks for the password again. The browser then returns to the site.</summary>
public static class EndSessionEndpoint
{
    public const string Path = "/connect/endsession";

    public static IEndpointRouteBuilder MapEndSessionEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], EndAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> EndAsync(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
