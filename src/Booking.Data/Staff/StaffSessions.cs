using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>Staff sessions as the server holds them (<c>staff_sessions</c>): a cookie is only a reference to one of
/// them, so a session ends on the server (sign-out, enrolment done, absolute end) whatever copies of its cookie exist.</summary>
public sealed class StaffSessions(NpgsqlDataSource dataSource)
{
    /// <summary>Opens a session, and forgets this person's sessions that could no longer be valid anyway.</summary>
    public async Task<Guid> StartAsync(Guid userId, DateTimeOffset startedAt, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        const string sql = """
            delete from staff_sessions where user_id = @userId and expires_at < @startedAt;
            insert into staff_sessions (id, user_id, started_at, expires_at) values (@id, @userId, @startedAt, @expiresAt);
            """;
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, userId, startedAt, expiresAt = startedAt + lifetime }, cancellationToken: cancellationToken));
        return id;
    }

    /// <summary>Whether the session is open at <paramref name="now"/>: not ended, not past its absolute end, and its
    /// account not suspended (suspending ends the sessions too; this covers one opened while it was being suspended).</summary>
    public async Task<bool> IsOpenAsync(Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select exists (select 1 from staff_sessions s join staff_users u on u.id = s.user_id
                           where s.id = @sessionId and s.user_id = @userId and s.ended_at is null and @now < s.expires_at
                             and u.suspended_at is null)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { sessionId, userId, now }, cancellationToken: cancellationToken));
    }

    public async Task EndAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string sql = "update staff_sessions set ended_at = @now where id = @sessionId and ended_at is null";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { sessionId, now }, cancellationToken: cancellationToken));
    }
}
