using Npgsql;

namespace Booking.Data.Audit;

/// <summary>Where the access log's hash chain ends: the place and hash the next sealed row follows.</summary>
public sealed record AccessLogHead(long Position, byte[] Hash)
{
    public override string ToString() => $"position {Position}, hash {Convert.ToHexStringLower(Hash)}";
}

/// <summary>
/// Seals new rows of <c>personal_data_access_log</c> into its hash chain (migrations 0040 and 0156), through the owner's
/// function: each call writes one row of <c>personal_data_access_log_seals</c> listing the rows it sealed and their
/// hashes, and changes no log row. Rows are inserted without waiting for this (the booking statement writes them); a
/// background job calls it every few seconds, and any number of hosts may: one seals, the others find the chain busy
/// and return.
/// </summary>
public sealed class AccessLogChain(NpgsqlDataSource dataSource)
{
    /// <summary>Rows sealed per call, so that one call stays short however far behind the sealer is.</summary>
    public const int Batch = 10_000;

    /// <summary>Seals up to <see cref="Batch"/> committed rows, oldest first; how many it sealed (0 when another host was sealing).</summary>
    public async Task<long> SealAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select seal_personal_data_access_log(@batch)");
        command.Parameters.AddWithValue("batch", Batch);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The chain's end: worth logging after each seal, so that a copy outside the database can tell if rows at
    /// the end were later removed, or the whole chain rewritten.</summary>
    public async Task<AccessLogHead> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select chain_position, row_hash from personal_data_access_log_head()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AccessLogHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }
}
