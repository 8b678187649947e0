using Booking.Data.Identity;
using Booking.Staff.Access;
using Booking.Staff.Bookings;

namespace Booking.Identity.Clients;

public enum ClientChangeOutcome { Done, NotFound, Invalid, Changed }

/// <summary>A secret to hand over once: on creation and on rotation.</summary>
public sealed record IssuedSecret(Guid Id, string ClientId, string Secret);

/// <summary>
/// The platform operator's changes to machine clients: create, rotate the secret, revoke. Each needs
/// <see cref="StaffPermission.OperatePlatform"/> over the client's tenant (else NotFound, as if it did not exist), is
/// one statement with its audit row, and never stores nor logs a secret, only its hash.
/// </summary>
public sealed class MachineClientAdministration(MachineClientRepository clients, StaffAccess access, TimeProvider clock)
{
    public async Task<(ClientChangeOutcome Outcome, IssuedSecret? Issued)> CreateAsync(StaffActor actor, string? name, Guid tenant,
        IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200 || scopes.Count == 0 || scopes.Except(BiScopes.All).Any())
            return (ClientChangeOutcome.Invalid, null);
        if (!await access.AllowsAsync(actor.UserId, StaffPermission.OperatePlatform, StaffScope.OfTenant(tenant), cancellationToken))
            return (ClientChangeOutcome.NotFound, null);
        var (id, clientId, secret) = (Guid.CreateVersion7(), ClientSecrets.NewClientId(), ClientSecrets.New());
        await clients.CreateAsync(id, clientId, name.Trim(), tenant, [.. BiScopes.All.Intersect(scopes)], ClientSecrets.Hash(secret), actor.UserId,
            actor.SourceIp, clock.GetUtcNow(), cancellationToken);
        return (ClientChangeOutcome.Done, new IssuedSecret(id, clientId, secret));
    }

    public async Task<(ClientChangeOutcome Outcome, IssuedSecret? Issued)> RotateAsync(StaffActor actor, Guid id, int version,
        CancellationToken cancellationToken = default)
    {
        if (await InScopeAsync(actor, id, cancellationToken) is not { } client)
            return (ClientChangeOutcome.NotFound, null);
        var secret = ClientSecrets.New();
        return await clients.RotateAsync(id, version, ClientSecrets.Hash(secret), actor.UserId, actor.SourceIp, clock.GetUtcNow(), cancellationToken)
            ? (ClientChangeOutcome.Done, new IssuedSecret(id, client.ClientId, secret))
            : (ClientChangeOutcome.Changed, null);
    }

    public async Task<ClientChangeOutcome> RevokeAsync(StaffActor actor, Guid id, int version, CancellationToken cancellationToken = default)
    {
        if (await InScopeAsync(actor, id, cancellationToken) is null)
            return ClientChangeOutcome.NotFound;
        return await clients.RevokeAsync(id, version, actor.UserId, actor.SourceIp, clock.GetUtcNow(), cancellationToken)
            ? ClientChangeOutcome.Done
            : ClientChangeOutcome.Changed;
    }

    /// <summary>The client, if the operator holds the permission over its tenant.</summary>
    public async Task<MachineClient?> InScopeAsync(StaffActor actor, Guid id, CancellationToken cancellationToken = default) =>
        await clients.FindAsync(id, cancellationToken) is { } client
        && await access.AllowsAsync(actor.UserId, StaffPermission.OperatePlatform, StaffScope.OfTenant(client.TenantId), cancellationToken)
            ? client
            : null;
}
