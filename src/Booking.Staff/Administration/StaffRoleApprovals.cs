using Booking.Data.Notifications;
using Booking.Data.Staff;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;

namespace Booking.Staff.Administration;

/// <summary>
/// The second pair of eyes on rights: a requested role is approved, or rejected, by a person who may grant it and
/// manage the account, and who is neither its requester nor its grantee; a role held is confirmed for another year at
/// its review (or removed, through <see cref="StaffRoleChanges.RemoveAsync"/>). Each is one transaction with its
/// audit row and the e-mail that tells the person.
/// </summary>
public sealed class StaffRoleApprovals(StaffIdentityContext context, StaffRightsRepository rights, StaffAccountGuard guard, TimeProvider clock)
{
    /// <summary>How long an approval or a review holds before the role is due for review again.</summary>
    public static readonly TimeSpan ReviewPeriod = TimeSpan.FromDays(365);

    public async Task<StaffChangeOutcome> ApproveAsync(StaffActor actor, Guid requestId, CancellationToken cancellationToken = default)
    {
        var (outcome, request, change) = await BeginAsync(actor, requestId, cancellationToken);
        if (change is null)
            return outcome;
        await using var _ = change;
        if (request!.RequestedBy == actor.UserId)
            return StaffChangeOutcome.OwnRequest;
        if (!await StaffRoleWrites.TakeRequestAsync(change.Transaction, requestId, request!.RequestedAt, cancellationToken))
            return StaffChangeOutcome.Unchanged;
        var now = clock.GetUtcNow();
        await StaffRoleWrites.ApproveAsync(change.Transaction, request, actor.UserId, now, now + ReviewPeriod, cancellationToken);
        return await RecordAsync(change, StaffAccountEvent.RoleGranted, request, cancellationToken);
    }

    /// <summary>Turns a request down; its requester may withdraw it so (the grantee may not).</summary>
    public async Task<StaffChangeOutcome> RejectAsync(StaffActor actor, Guid requestId, CancellationToken cancellationToken = default)
    {
        var (outcome, request, change) = await BeginAsync(actor, requestId, cancellationToken);
        if (change is null)
            return outcome;
        await using var _ = change;
        if (!await StaffRoleWrites.TakeRequestAsync(change.Transaction, requestId, request!.RequestedAt, cancellationToken))
            return StaffChangeOutcome.Unchanged;
        return await RecordAsync(change, StaffAccountEvent.RoleRejected, request!, cancellationToken);
    }

    /// <summary>Keeps a role held for another <see cref="ReviewPeriod"/>, by someone who could grant it, not its holder.</summary>
    public async Task<StaffChangeOutcome> ConfirmAsync(StaffActor actor, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        if (await rights.FindAssignmentAsync(assignmentId, cancellationToken) is not { } held)
            return StaffChangeOutcome.NotFound;
        var (allowed, _) = await guard.CheckAsync(actor, held.AccountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        var now = clock.GetUtcNow();
        if (!await StaffRoleWrites.ConfirmAsync(change.Transaction, assignmentId, actor.UserId, now, now + ReviewPeriod, cancellationToken))
            return StaffChangeOutcome.Unchanged;
        return await RecordAsync(change, StaffAccountEvent.RoleReviewed, held, cancellationToken);
    }

    /// <summary>The request, checked: the account must be one the person may change (so never their own: the grantee
    /// decides nothing about their own rights) and the role one they may grant; else no transaction is begun.</summary>
    private async Task<(StaffChangeOutcome, RoleDecisionRow?, StaffChange?)> BeginAsync(StaffActor actor, Guid requestId, CancellationToken cancellationToken)
    {
        if (await rights.FindRequestAsync(requestId, cancellationToken) is not { } request)
            return (StaffChangeOutcome.NotFound, null, null);
        var (allowed, _) = await guard.CheckAsync(actor, request.AccountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return (allowed, null, null);
        if (!await guard.MayGrantAsync(actor, StaffRoleCodes.Parse(request.Role), request.TenantId, cancellationToken))
            return (StaffChangeOutcome.BeyondScope, null, null);
        return (StaffChangeOutcome.Done, request, await StaffChange.BeginAsync(context, actor, cancellationToken));
    }

    private static async Task<StaffChangeOutcome> RecordAsync(StaffChange change, StaffAccountEvent action, RoleDecisionRow role, CancellationToken cancellationToken)
    {
        var detail = await StaffRoleWrites.DescribeAsync(change.Transaction, role.Role, role.TenantId, role.ClinicIds, cancellationToken);
        await change.RecordAsync(action, role.AccountId, role.AccountTenantId, detail.ToDetail(), cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Done;
    }
}
