using Booking.Data.Identity;
using Booking.Data.Staff;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Booking.Identity.Server;

/// <summary>
/// Turns a staff site's authorization code into its tokens, once the server has checked the code (its client, its
/// redirect_uri, its age, the PKCE verifier). The server keeps no tokens (degraded mode), so a code would be good until
/// it expires: its id is recorded here, and a second exchange is refused. So is a code whose sign-in session has ended
/// in the meantime.
/// </summary>
public static class AuthorizationCodeExchange
{
    public static async Task<IResult> ExchangeAsync(HttpContext context, AuthorizationCodeRedemptions redemptions, StaffSessions sessions, TimeProvider clock)
    {
        var code = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                   ?? throw new InvalidOperationException("A code accepted by the server has no principal.");
        var now = clock.GetUtcNow();
        if (!Guid.TryParse(code.GetClaim(AuthorizationEndpoint.CodeIdClaim), out var codeId)
            || !await redemptions.TryRedeemAsync(codeId, code.GetExpirationDate() ?? now, now, context.RequestAborted))
            return Refuse("The authorization code has already been used.");
        if (!Guid.TryParse(code.GetClaim(AuthorizationEndpoint.SessionClaim), out var sessionId)
            || !Guid.TryParse(code.GetClaim(Claims.Subject), out var userId)
            || !await sessions.IsOpenAsync(sessionId, userId, now, context.RequestAborted))
            return Refuse("The sign-in session has ended.");
        return Results.SignIn(code, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string description) =>
        Results.Forbid(AuthorizationEndpoint.Error(Errors.InvalidGrant, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
