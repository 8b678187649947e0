using Booking.Staff.Access;
using Booking.Staff.Bookings;

namespace Booking.Staff.Administration;

/// <summary>
/// Whether an administrator may change an account at all: it must be of a tenant they manage (else it is not found),
/// not their own (no one locks themselves out or raises their own rights), and every role it holds must be one they
/// could have granted (a tenant administrator cannot suspend an operator, nor an administrator above them).
/// </summary>
public sealed class StaffAccountGuard(StaffAccountDirectory directory, StaffAccess access)
{
    public async Task<(StaffChangeOutcome Outcome, StaffAccountView? Account)> CheckAsync(StaffActor actor, Guid accountId, CancellationToken cancellationToken = default)
    {
        if (await directory.FindAsync(actor.UserId, accountId, cancellationToken) is not { } account)
            return (StaffChangeOutcome.NotFound, null);
        if (account.Id == actor.UserId)
            return (StaffChangeOutcome.OwnAccount, account);
        foreach (var role in account.Roles)
            if (!await MayGrantAsync(actor, role.Role, role.TenantId, cancellationToken))
                return (StaffChangeOutcome.BeyondScope, account);
        return (StaffChangeOutcome.Done, account);
    }

    /// <summary>Whether the administrator may grant (or remove) <paramref name="role"/> over <paramref name="tenantId"/>.</summary>
    public Task<bool> MayGrantAsync(StaffActor actor, StaffRole role, Guid tenantId, CancellationToken cancellationToken = default) =>
        access.AllowsAsync(actor.UserId, StaffRolePermissions.NeededToGrant(role), StaffScope.OfTenant(tenantId), cancellationToken);
}
