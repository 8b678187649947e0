using Booking.Data.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Booking.Identity.Server;

/// <summary>
/// The token endpoint's check of a machine client, ours because the server runs without OpenIddict's stores (degraded
/// mode): for the client-credentials grant, a known client that is not revoked, its secret (compared by hash, in constant time),
/// and no scope it was not given. Every refusal is the same <c>invalid_client</c> whatever was wrong with the client,
/// so the answer tells an attacker nothing about which ids exist.
/// </summary>
public sealed class ClientCredentialsCheck(MachineClientRepository clients) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    /// <summary>Marked as a custom handler: in degraded mode the server refuses to start without one that validates
    /// token requests (a descriptor built by hand is not marked so by <c>AddEventHandler</c>).</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<ClientCredentialsCheck>()
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        // The server refuses the grants it does not allow; the staff sites' codes are StaffSiteTokenCheck's.
        if (!context.Request.IsClientCredentialsGrantType())
            return;
        var found = context.ClientId is { Length: > 0 } id ? await clients.FindForSignInAsync(id, context.CancellationToken) : null;
        if (found is not { } client || client.Client.IsRevoked || !ClientSecrets.Matches(context.ClientSecret, client.SecretHash))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client credentials are invalid.");
            return;
        }
        if (context.Request.GetScopes().Except(client.Client.Scopes, StringComparer.Ordinal).Any())
            context.Reject(OpenIddictConstants.Errors.InvalidScope, "A requested scope is not granted to this client.");
    }
}
