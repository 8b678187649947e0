using System.Data;
using System.Net;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
    TimeProvider clock)
{
    /// <summary>A live invitation's account: an unused, unexpired invitation of an active account without a password.</summary>
    private const string Live = """
        from staff_invitations i join staff_users u on u.id = i.user_id
        where i.id = @id and i.used_at is null and i.expires_at > @now and u.suspended_at is null and u.password_hash is null
        """;

    public static async Task IssueAsync(StaffChange change, Guid accountId, Guid tenantId, Guid createdBy, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using (var command = change.Command("""
            insert into staff_invitations (id, user_id, created_by, created_at, expires_at) values (@id, @user, @by, @now, @expires)
            """))
        {
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("user", accountId);
            command.Parameters.AddWithValue("by", createdBy);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("expires", now + StaffInvitationTokens.Lifetime);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
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
        await using (var command = change.Command("""
            with invited as (select id from staff_users where id = @account and password_hash is null and suspended_at is null),
                 ended as (update staff_invitations set expires_at = least(expires_at, @now)
                           where user_id in (select id from invited) and used_at is null)
            select count(*) from invited
            """))
        {
            command.Parameters.AddWithValue("account", accountId);
            command.Parameters.AddWithValue("now", now);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
                return StaffChangeOutcome.Unchanged;
        }
        await IssueAsync(change, accountId, account!.TenantId, actor.UserId, now, cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Done;
    }

    /// <summary>The account a link invites, while the invitation is live; null for any link that does not work.</summary>
    public async Task<StaffUser?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (tokens.Verify(token) is not { } id)
            return null;
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select i.user_id {Live}", connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await command.ExecuteScalarAsync(cancellationToken) is Guid userId ? await users.FindByIdAsync(userId.ToString()) : null;
    }

    /// <summary>Sets the invited person's password and uses the invitation up, with its audit row and the e-mail that
    /// tells them; on <see cref="InvitationOutcome.Accepted"/>, the account that now enrols an authenticator.</summary>
    public async Task<(InvitationOutcome Outcome, StaffUser? Account)> AcceptAsync(string? token, string password, IPAddress? sourceIp,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(token, cancellationToken) is not { } user)
            return (InvitationOutcome.Invalid, null);
        await using var change = await StaffChange.BeginAsync(context, new StaffActor(user.Id, sourceIp), cancellationToken);
        // The conditions sit on the row updated itself, so a second answer waiting on its lock reads the first one's
        // used_at once it commits, and claims nothing.
        await using (var claim = change.Command("""
            update staff_invitations set used_at = @now
            where id = @id and user_id = @user and used_at is null and expires_at > @now
              and exists (select 1 from staff_users u where u.id = @user and u.suspended_at is null and u.password_hash is null)
            """))
        {
            claim.Parameters.AddWithValue("id", tokens.Verify(token)!.Value);
            claim.Parameters.AddWithValue("now", clock.GetUtcNow());
            claim.Parameters.AddWithValue("user", user.Id);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) != 1)
                return (InvitationOutcome.Invalid, null);
        }
        if (!(await users.AddPasswordAsync(user, password)).Succeeded)
            return (InvitationOutcome.WeakPassword, null);
        await change.RecordAsync(StaffAccountEvent.InvitationAccepted, user.Id, user.TenantId, "", cancellationToken);
        await change.CommitAsync(cancellationToken);
        return (InvitationOutcome.Accepted, user);
    }
}
