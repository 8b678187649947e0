using Npgsql;

namespace Booking.Data.Audit;

/// <summary>What a walk along the access log's hash chain found.</summary>
public abstract record AccessLogVerification
{
    /// <summary>Every sealed row matches its hash and follows the one before it (or the last purge's anchor).</summary>
    public sealed record Intact(long SealedRows, long? FirstPosition, long? LastPosition, long UnsealedRows) : AccessLogVerification;

    /// <summary>The first place where the chain breaks, and why.</summary>
    public sealed record Broken(long Position, long RowId, DateTimeOffset OccurredAt, string Reason) : AccessLogVerification;
}

/// <summary>
/// Walks the access log's hash chain in order (from the last purge's anchor, else from the start) and reports the first
/// broken link: a row whose content no longer matches its hash (changed), a place missing before a row (removed), or
/// a row whose previous hash is not its predecessor's (a row replaced with its hash recomputed). Rows at the very end
/// removed, or a whole chain recomputed, need the chain heads the sealer logs, which are kept outside the database.
/// </summary>
public sealed class AccessLogVerifier(NpgsqlDataSource dataSource)
{
    public async Task<AccessLogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        const string firstBreak = """
            with start as (select chain_position, row_hash from personal_data_access_log_start()),
            chain as (
                select l.id, l.occurred_at, l.chain_position, l.previous_hash, l.row_hash,
                       personal_data_access_log_row_hash(l.previous_hash, personal_data_access_log_content(l)) as recomputed,
                       coalesce(lag(l.chain_position) over w, (select chain_position from start)) as prior_position,
                       coalesce(lag(l.row_hash) over w, (select row_hash from start)) as prior_hash
                from personal_data_access_log l
                where l.chain_position is not null
                window w as (order by l.chain_position))
            select chain_position, id, occurred_at, prior_position, chain_position <> prior_position + 1, recomputed <> row_hash
            from chain
            where chain_position <> prior_position + 1 or recomputed <> row_hash or previous_hash <> prior_hash
            order by chain_position
            limit 1
            """;
        await using (var command = dataSource.CreateCommand(firstBreak))
        {
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var (position, prior) = (reader.GetInt64(0), reader.GetInt64(3));
                var reason = reader.GetBoolean(4) ? $"the chain's rows from position {prior + 1} to {position - 1} are missing: removed"
                    : reader.GetBoolean(5) ? "its content no longer matches its hash: the row was changed"
                    : $"its previous hash is not the hash of position {prior}: a row was replaced and its hash recomputed";
                return new AccessLogVerification.Broken(position, reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reason);
            }
        }

        const string extent = """
            select count(chain_position), min(chain_position), max(chain_position), count(*) - count(chain_position)
            from personal_data_access_log
            """;
        await using (var command = dataSource.CreateCommand(extent))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new AccessLogVerification.Intact(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetInt64(3));
        }
    }
}
