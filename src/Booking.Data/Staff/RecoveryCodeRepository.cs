using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>Staff recovery codes as stored (<c>staff_recovery_codes</c>): keyed hashes only, each usable once.</summary>
public sealed class RecoveryCodeRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Replaces the person's codes with <paramref name="hashes"/>, within the change's transaction.</summary>
    public static async Task ReplaceAsync(NpgsqlTransaction transaction, Guid userId, IReadOnlyCollection<byte[]> hashes, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            delete from staff_recovery_codes where user_id = @userId;
            insert into staff_recovery_codes (user_id, code_hash, created_at) select @userId, hash, @now from unnest(@hashes) as hash;
            """;
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, new { userId, now, hashes = hashes.ToArray() }, transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Marks the code used in one statement that only matches an unused one, so two sessions cannot both use it.</summary>
    /// <returns>Whether it was one of the person's unused codes.</returns>
    public async Task<bool> TryUseAsync(Guid userId, byte[] hash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string sql = "update staff_recovery_codes set used_at = @now where user_id = @userId and code_hash = @hash and used_at is null";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { userId, hash, now }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<int> RemainingAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string sql = "select count(*) from staff_recovery_codes where user_id = @userId and used_at is null";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken));
    }
}
