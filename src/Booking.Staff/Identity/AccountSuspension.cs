using Npgsql;

namespace Booking.Staff.Identity;

/// <summary>Whether an account is suspended (<c>staff_users.suspended_at</c>, outside Identity's model). A suspended
/// account opens no session: checked at each sign-in step, and by every session on every request.</summary>
public sealed class AccountSuspension(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsSuspendedAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select suspended_at is not null from staff_users where id = @user");
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
