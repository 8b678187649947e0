using System.Net;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;

namespace Booking.Staff.Administration;

/// <summary>How an invitation is answered: the person chose a password (and enrols an authenticator next), the link
/// works no more (tampered, unknown, used, expired, account suspended or with a password already: all alike), or the
/// password was refused by the password rules (the link still works).</summary>
public enum InvitationOutcome { Accepted, Invalid, WeakPassword }

/// <summary>
/// Invitations to new staff accounts: issued with the account (<see cref="IssueAsync"/>, in its transaction, the
/// e-mail queued with it), answered once through the signed link (<see cref="AcceptAsync"/>). Accepting claims the
/// invitation and sets the password in one transaction, so two answers racing with the same link set one password.
/// </summary>
public sealed class StaffInvitations(
    StaffIdentityContext context,
    UserManager<StaffUser> users,
    StaffAccountGuard guard,
    StaffInvitationTokens tokens,
    StaffInvitationRepository invitations,
    TimeProvider clock)
{
    public static async Task IssueAsync(StaffChange change, Guid accountId, Guid tenantId, Guid createdBy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await StaffInvitationRepository.IssueAsync(change.Transaction, id, accountId, createdBy, now, now + StaffInvitationTokens.Lifetime, cancellationToken);
        // The e-mail's detail is the invitation's id: the worker signs the link as it writes the message.
        await change.RecordAsync(StaffAccountEvent.AccountInvited, accountId, tenantId, id.ToString(), cancellationToken);
    }

    /// <summary>A new link for an account whose owner has not chosen a password yet (an earlier link expired, or its
    /// e-mail was lost): the earlier links stop working, and the person is sent the new one.</summary>
    public async Task<StaffChangeOutcome> ReissueAsync(StaffActor actor, Guid accountId, CancellationToken cancellationToken = default)
    {
        var (allowed, account) = await guard.CheckAsync(actor, accountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        var now = clock.GetUtcNow();
        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        if (!await StaffInvitationRepository.EndOpenAsync(change.Transaction, accountId, now, cancellationToken))
            return StaffChangeOutcome.Unchanged;
        await IssueAsync(change, accountId, account!.TenantId, actor.UserId, now, cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Done;
    }

    /// <summary>The account a link invites, while the invitation is live; null for any link that does not work.</summary>
    public async Task<StaffUser?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (tokens.Verify(token) is not { } id)
            return null;
        return await invitations.LiveAccountAsync(id, clock.GetUtcNow(), cancellationToken) is { } userId ? await users.FindByIdAsync(userId.ToString()) : null;
    }

    /// <summary>Sets the invited person's password and uses the invitation up, with its audit row and the e-mail that
    /// tells them; on <see cref="InvitationOutcome.Accepted"/>, the account that now enrols an authenticator.</summary>
    public async Task<(InvitationOutcome Outcome, StaffUser? Account)> AcceptAsync(string? token, string password, IPAddress? sourceIp,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(token, cancellationToken) is not { } user)
            return (InvitationOutcome.Invalid, null);
        await using var change = await StaffChange.BeginAsync(context, new StaffActor(user.Id, sourceIp), cancellationToken);
        if (!await StaffInvitationRepository.ClaimAsync(change.Transaction, tokens.Verify(token)!.Value, user.Id, clock.GetUtcNow(), cancellationToken))
            return (InvitationOutcome.Invalid, null);
        if (!(await users.AddPasswordAsync(user, password)).Succeeded)
            return (InvitationOutcome.WeakPassword, null);
        await change.RecordAsync(StaffAccountEvent.InvitationAccepted, user.Id, user.TenantId, "", cancellationToken);
        await change.CommitAsync(cancellationToken);
        return (InvitationOutcome.Accepted, user);
    }
}
