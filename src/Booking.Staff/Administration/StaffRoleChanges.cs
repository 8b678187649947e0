using Booking.Data.Notifications;
using Booking.Data.Staff;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;

namespace Booking.Staff.Administration;

/// <summary>An administrator asks for a role for an account, or removes one: never beyond what they may grant
/// themselves, only over the account's tenant or one below it, and for a clinic-limited role only at clinics of the
/// role's tenant. A request grants nothing until another person approves it (<see cref="StaffRoleApprovals"/>); a
/// removal takes effect at once. Each change is one transaction with its audit row and the e-mail that tells the person.</summary>
public sealed class StaffRoleChanges(StaffIdentityContext context, StaffAccountGuard guard, TimeProvider clock)
{
    public async Task<StaffChangeOutcome> RequestAsync(StaffActor actor, Guid accountId, StaffRole role, Guid tenantId, IReadOnlyCollection<Guid> clinicIds,
        CancellationToken cancellationToken = default)
    {
        var (allowed, account) = await guard.CheckAsync(actor, accountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        if (!await guard.MayGrantAsync(actor, role, tenantId, cancellationToken))
            return StaffChangeOutcome.BeyondScope;
        var clinics = clinicIds.Distinct().ToArray();
        if (StaffRolePermissions.IsLimitedToClinics(role) != clinics.Length > 0)
            return StaffChangeOutcome.WrongClinics;

        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        var (withinAccount, clinicsInScope) = await StaffRoleWrites.PlacementAsync(change.Transaction, account!.TenantId, tenantId, clinics, cancellationToken);
        if (!withinAccount)
            return StaffChangeOutcome.TenantOutsideAccount;
        if (clinicsInScope != clinics.Length)
            return StaffChangeOutcome.WrongClinics;

        if (!await StaffRoleWrites.RequestAsync(change.Transaction, accountId, role.Code(), tenantId, clinics, actor.UserId, clock.GetUtcNow(), cancellationToken))
            return StaffChangeOutcome.Unchanged;
        var detail = await StaffRoleWrites.DescribeAsync(change.Transaction, role.Code(), tenantId, clinics, cancellationToken);
        await change.RecordAsync(StaffAccountEvent.RoleRequested, accountId, account.TenantId, detail.ToDetail(), cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Requested;
    }

    public async Task<StaffChangeOutcome> RemoveAsync(StaffActor actor, Guid accountId, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        var (allowed, account) = await guard.CheckAsync(actor, accountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        if (account!.Roles.SingleOrDefault(r => r.Id == assignmentId) is not { } held)
            return StaffChangeOutcome.NotFound;
        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        if (!await StaffRoleWrites.RemoveAsync(change.Transaction, accountId, assignmentId, cancellationToken))
            return StaffChangeOutcome.Unchanged;
        var detail = new StaffRoleChange(held.Role.Code(), held.TenantName, held.ClinicNames);
        await change.RecordAsync(StaffAccountEvent.RoleRemoved, accountId, account.TenantId, detail.ToDetail(), cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Done;
    }
}
