using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>The statements of an invitation to a new staff account, each within the change's transaction; and which
/// account a live invitation names.</summary>
public sealed class StaffInvitationRepository(NpgsqlDataSource dataSource)
{
    public static async Task IssueAsync(NpgsqlTransaction transaction, Guid invitationId, Guid accountId, Guid createdBy, DateTimeOffset now,
        DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            insert into staff_invitations (id, user_id, created_by, created_at, expires_at) values (@invitationId, @accountId, @createdBy, @now, @expiresAt)
            """, new { invitationId, accountId, createdBy, now, expiresAt }, transaction, cancellationToken: cancellationToken));

    /// <summary>Ends the account's open invitations, while its owner has chosen no password and it is not suspended.</summary>
    /// <returns>Whether the account is such an invited one.</returns>
    public static async Task<bool> EndOpenAsync(NpgsqlTransaction transaction, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition("""
            with invited as (select id from staff_users where id = @accountId and password_hash is null and suspended_at is null),
                 ended as (update staff_invitations set expires_at = least(expires_at, @now)
                           where user_id in (select id from invited) and used_at is null)
            select count(*) from invited
            """, new { accountId, now }, transaction, cancellationToken: cancellationToken)) > 0;

    /// <summary>Uses the invitation up. The conditions sit on the row updated itself, so a second answer waiting on its
    /// lock reads the first one's used_at once it commits, and claims nothing.</summary>
    /// <returns>Whether this answer claimed it.</returns>
    public static async Task<bool> ClaimAsync(NpgsqlTransaction transaction, Guid invitationId, Guid accountId, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            update staff_invitations set used_at = @now
            where id = @invitationId and user_id = @accountId and used_at is null and expires_at > @now
              and exists (select 1 from staff_users u where u.id = @accountId and u.suspended_at is null and u.password_hash is null)
            """, new { invitationId, accountId, now }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>The account of a live invitation: unused, unexpired, of an active account without a password; else null.</summary>
    public async Task<Guid?> LiveAccountAsync(Guid invitationId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition("""
            select i.user_id from staff_invitations i join staff_users u on u.id = i.user_id
            where i.id = @invitationId and i.used_at is null and i.expires_at > @now and u.suspended_at is null and u.password_hash is null
            """, new { invitationId, now }, cancellationToken: cancellationToken));
    }
}
