using System.Security.Claims;
using Booking.Data.Staff;
using Booking.Staff.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Booking.Identity.Server;

/// <summary>
/// Gives a staff site a code for the person signed in to the server, once <see cref="AuthorizationRequestCheck"/> has
/// accepted the site and its address. The server's session is the staff account's Identity cookie, opened by the sign-in
/// pages (password, then authenticator or recovery code, with their lockout): without a two-factor session the person is
/// sent there first, and comes back here. The code carries the person's id, their roles and the server's session id,
/// against which a staff site can check its own session.
/// </summary>
public static class AuthorizationEndpoint
{
    public const string Path = "/connect/authorize";

    /// <summary>The id of one code, which <see cref="AuthorizationCodeExchange"/> lets be exchanged only once. In the
    /// code, never in a token (no destination).</summary>
    public const string CodeIdClaim = "code_id";

    /// <summary>The server's session (the staff cookie's, held in <c>staff_sessions</c>), as OpenID Connect names it.</summary>
    public const string SessionClaim = "sid";

    /// <summary>What Identity's two-factor sign-in adds: no code for a password-only session (RFC 8176 value).</summary>
    private const string MultiFactor = "mfa";

    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<StaffUser> users, StaffScopeRepository roles)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        var session = (await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal;
        var user = session?.HasClaim(Claims.AuthenticationMethodReference, MultiFactor) == true ? await users.GetUserAsync(session) : null;
        if (user is null || session!.FindFirstValue(SessionClaim) is not { } sessionId)
        {
            if (request.HasPromptValue(PromptValues.None))
                return Results.Forbid(Error(Errors.LoginRequired, "The person is not signed in."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = Again(context.Request) }, [IdentityConstants.ApplicationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. await roles.HeldRolesAsync(user.Id, context.RequestAborted)])
            .SetClaims(Claims.AuthenticationMethodReference, [MultiFactor])
            .SetClaim(SessionClaim, sessionId)
            .SetClaim(CodeIdClaim, Guid.NewGuid().ToString());
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => claim.Type == CodeIdClaim ? [] : [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // The same request, to come back to once signed in (a form post's parameters become a query string).
    private static string Again(HttpRequest request)
    {
        IEnumerable<KeyValuePair<string, StringValues>> parameters = request.HasFormContentType ? request.Form : request.Query;
        return request.PathBase + request.Path + QueryString.Create(parameters);
    }

    internal static AuthenticationProperties Error(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
