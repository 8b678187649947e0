using System.Security.Claims;
using Booking.Data.Identity;
using Booking.Data.Staff;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Booking.Identity.Server;

/// <summary>Issues tokens once the server has accepted the request: a staff site's code is exchanged by
/// <see cref="AuthorizationCodeExchange"/>; a machine client accepted by <see cref="ClientCredentialsCheck"/> gets an
/// access token whose subject is the client, its tenant a claim, its scopes those asked for (all it was given when it
/// asked for none).</summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    /// <summary>The claim naming the tenant whose subtree a client reads.</summary>
    public const string TenantClaim = "tenant";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IssueAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static Task<IResult> IssueAsync(
        HttpContext context, MachineClientRepository clients, AuthorizationCodeRedemptions redemptions, StaffSessions sessions, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        return request.IsAuthorizationCodeGrantType()
            ? AuthorizationCodeExchange.ExchangeAsync(context, redemptions, sessions, clock)
            : IssueToMachineClientAsync(context, request, clients);
    }

    private static async Task<IResult> IssueToMachineClientAsync(HttpContext context, OpenIddictRequest request, MachineClientRepository clients)
    {
        var client = await clients.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
                     ?? throw new InvalidOperationException("A client accepted by the check is missing.");
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.DisplayName)
            .SetClaim(TenantClaim, client.TenantId.ToString());
        var asked = request.GetScopes();
        identity.SetScopes(asked.IsEmpty ? client.Scopes : asked);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
