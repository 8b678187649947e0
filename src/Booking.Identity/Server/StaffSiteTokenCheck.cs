using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Booking.Identity.Server;

/// <summary>
/// The token endpoint's check of a staff site exchanging an authorization code, ours in degraded mode: the client is a
/// registered staff site. The server itself checks the rest against the code: issued to this client, for this
/// redirect_uri, not expired, and the PKCE code_verifier; <see cref="AuthorizationCodeExchange"/> makes it single-use.
/// </summary>
public sealed class StaffSiteTokenCheck(IOptionsMonitor<IdentityServerOptions> settings) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<StaffSiteTokenCheck>()
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (context.Request.IsAuthorizationCodeGrantType() && settings.CurrentValue.StaffSite(context.ClientId) is null)
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client is not a registered staff site.");
        return ValueTask.CompletedTask;
    }
}
