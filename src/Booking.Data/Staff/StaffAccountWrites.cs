using System.Net;
using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>
/// The statements of a change to a staff account, each run within the change's transaction (the Identity context's,
/// so that an account created through Identity commits with them). Changes to <c>staff_users</c> renew its
/// concurrency stamp, so an Identity update started before them fails rather than writing the old values back.
/// Suspending, resetting the authenticator and requiring a new password end the person's sessions in the same statement.
/// </summary>
public static class StaffAccountWrites
{
    private const string EndSessions = "ended as (update staff_sessions set ended_at = @now where user_id in (select id from changed) and ended_at is null)";

    /// <returns>Whether the account changed (false: it was already suspended).</returns>
    public static Task<bool> SuspendAsync(NpgsqlTransaction transaction, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(transaction, accountId, now, $"""
            with changed as (
                update staff_users set suspended_at = @now, concurrency_stamp = @stamp
                where id = @accountId and suspended_at is null returning id),
            {EndSessions}
            select count(*) from changed
            """, cancellationToken);

    public static Task<bool> ReactivateAsync(NpgsqlTransaction transaction, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(transaction, accountId, now, """
            with changed as (
                update staff_users set suspended_at = null, lockout_end = null, access_failed_count = 0, concurrency_stamp = @stamp
                where id = @accountId and suspended_at is not null returning id)
            select count(*) from changed
            """, cancellationToken);

    /// <summary>The person enrols an authenticator again at their next sign-in; their recovery codes go with the old one.</summary>
    public static Task<bool> ResetAuthenticatorAsync(NpgsqlTransaction transaction, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ChangeAsync(transaction, accountId, now, $"""
            with changed as (
                update staff_users set two_factor_enabled = false, authenticator_time_step = null, concurrency_stamp = @stamp, security_stamp = @stamp
                where id = @accountId returning id),
            key as (
                delete from staff_user_tokens
                where user_id in (select id from changed) and login_provider = '[AspNetUserStore]' and name = 'AuthenticatorKey'),
            codes as (delete from staff_recovery_codes where user_id in (select id from changed)),
            {EndSessions}
            select count(*) from changed
            """, cancellationToken);

    /// <summary>The person must choose a new password after both factors at their next sign-in, before anything else.</summary>
    public static Task<bool> RequirePasswordChangeAsync(NpgsqlTransaction transaction, Guid accountId, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(transaction, accountId, now, $"""
            with changed as (
                update staff_users set must_change_password = true, concurrency_stamp = @stamp
                where id = @accountId and not must_change_password returning id),
            {EndSessions}
            select count(*) from changed
            """, cancellationToken);

    /// <summary>The audit row of a change: who, from where, to whom (of which tenant), what.</summary>
    public static async Task RecordAsync(NpgsqlTransaction transaction, Guid actorId, IPAddress? sourceIp, Guid targetUserId, Guid tenantId, string action,
        string detail, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into staff_account_audit (actor_id, source_ip, target_user_id, tenant_id, action, detail)
            values (@actorId, @sourceIp, @targetUserId, @tenantId, @action, @detail)
            """;
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { actorId, sourceIp, targetUserId, tenantId, action, detail }, transaction,
            cancellationToken: cancellationToken));
    }

    private static async Task<bool> ChangeAsync(NpgsqlTransaction transaction, Guid accountId, DateTimeOffset now, string sql, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { accountId, now, stamp }, transaction,
            cancellationToken: cancellationToken)) > 0;
    }
}
