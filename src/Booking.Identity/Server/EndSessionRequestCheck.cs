using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Booking.Identity.Server;

/// <summary>
/// The end-session endpoint's check, ours in degraded mode: only a staff site's own sign-out is accepted, proved by the
/// identity token the server gave it (<c>id_token_hint</c>, whose signature the server has checked), so a link on
/// another site cannot sign staff out; and the browser returns only to an address registered for that site.
/// </summary>
public sealed class EndSessionRequestCheck(IOptionsMonitor<IdentityServerOptions> settings) : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateEndSessionRequestContext>()
            .UseScopedHandler<EndSessionRequestCheck>()
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        var site = context.IdentityTokenHintPrincipal?.GetAudiences().Select(settings.CurrentValue.StaffSite).FirstOrDefault(found => found is not null);
        if (site is null)
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, "A staff site's identity token (id_token_hint) is required.");
        else if (context.PostLogoutRedirectUri is { } uri && !site.ReturnsAfterSignOut(uri))
            context.Reject(OpenIddictConstants.Errors.InvalidRequest, "The post_logout_redirect_uri is not registered for this client.");
        return ValueTask.CompletedTask;
    }
}
