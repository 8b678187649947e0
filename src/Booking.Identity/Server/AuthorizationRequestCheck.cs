using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Booking.Identity.Server;

/// <summary>
/// The authorization endpoint's client check, ours in degraded mode (the server has no client store): the client is a
/// registered staff site and the code goes to one of its addresses exactly. Nothing is redirected before this passes,
/// so an unknown client or address gets an error page, never a code. PKCE itself is required by the server's options.
/// </summary>
public sealed class AuthorizationRequestCheck(IOptionsMonitor<IdentityServerOptions> settings) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<AuthorizationRequestCheck>()
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (settings.CurrentValue.StaffSite(context.ClientId) is not { } site)
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client is not a registered staff site.");
        else if (!site.Redirects(context.RedirectUri))
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
        return ValueTask.CompletedTask;
    }
}
