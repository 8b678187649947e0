using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>Whether an account is suspended (<c>staff_users.suspended_at</c>, outside Identity's model). A suspended
/// account opens no session: checked at each sign-in step, and by every session on every request.</summary>
public sealed class AccountSuspension(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsSuspendedAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string sql = "select exists (select 1 from staff_users where id = @userId and suspended_at is not null)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
    }
}
