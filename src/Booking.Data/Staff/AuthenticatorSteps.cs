using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>The last authenticator time step each staff member used (<c>staff_users.authenticator_time_step</c>), kept
/// out of Identity's model so that its whole-row updates never write back a stale step.</summary>
public sealed class AuthenticatorSteps(NpgsqlDataSource dataSource)
{
    /// <summary>Records <paramref name="step"/> as used if it is newer than the last one; in one statement, so two
    /// sessions presenting the same code at once cannot both get it.</summary>
    /// <returns>Whether the step was newer (and the code may be accepted).</returns>
    public async Task<bool> TryUseAsync(Guid userId, long step, CancellationToken cancellationToken = default)
    {
        const string sql = """
            update staff_users set authenticator_time_step = @step
            where id = @userId and (authenticator_time_step is null or authenticator_time_step < @step)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, step }, cancellationToken: cancellationToken)) == 1;
    }
}
