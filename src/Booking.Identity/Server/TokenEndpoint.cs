using System.Security.Claims;
using Booking.Data.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Booking.Identity.Server;

/// <summary>Issues the access token once <see cref="ClientCredentialsCheck"/> has accepted the request: the client is
/// its subject, its tenant a claim, its scopes those asked for (all it was given when it asked for none).</summary>
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

    private static async Task<IResult> IssueAsync(HttpContext context, MachineClientRepository clients)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
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
