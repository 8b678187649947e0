using Npgsql;

namespace Booking.Data.Audit;

/// <summary>What a walk along the access log's hash chain found.</summary>
public abstract record AccessLogVerification
{
    /// <summary>Every sealed row matches its hash and follows the one before it (or the last purge's anchor).</summary>
    public sealed record Intact(long SealedRows, long? FirstPosition, long? LastPosition, long UnsealedRows) : AccessLogVerification;

    /// <summary>The first place where the chain breaks, and why; the row's time when the row is still there.</summary>
    public sealed record Broken(long Position, long RowId, DateTimeOffset? OccurredAt, string Reason) : AccessLogVerification;
}

/// <summary>
/// Walks the access log's hash chain in order (from the last purge's anchor, else from the start) and reports the first
/// broken link: a sealed row that is gone (removed), a row whose content and the hash before it no longer give its
/// hash (the row changed, or the hash before it rewritten), or places missing before a row (a seal removed). Rows at
/// the very end removed with their seals, or a whole chain recomputed, need the chain heads the sealer logs, which are
/// kept outside the database.
/// </summary>
public sealed class AccessLogVerifier(NpgsqlDataSource dataSource)
{
    public async Task<AccessLogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        const string firstBreak = """
            with start as (select chain_position, row_hash from personal_data_access_log_start()),
            chain as (
                select s.first_position + e.rank - 1 as chain_position, e.id, e.row_hash
                from personal_data_access_log_seals s
                cross join lateral unnest(s.row_ids, s.row_hashes) with ordinality as e(id, row_hash, rank)
                where s.first_position + cardinality(s.row_ids) - 1 > (select chain_position from start)),
            walk as (
                select c.chain_position, c.id, l.occurred_at, l.id is null as removed, c.row_hash,
                       personal_data_access_log_row_hash(coalesce(lag(c.row_hash) over w, (select row_hash from start)),
                                                         personal_data_access_log_content(l)) as recomputed,
                       coalesce(lag(c.chain_position) over w, (select chain_position from start)) as prior_position
                from chain c
                left join personal_data_access_log l on l.id = c.id
                where c.chain_position > (select chain_position from start)
                window w as (order by c.chain_position))
            select chain_position, id, occurred_at, prior_position, chain_position <> prior_position + 1, removed
            from walk
            where chain_position <> prior_position + 1 or removed or recomputed <> row_hash
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
                var reason = reader.GetBoolean(4) ? $"the chain's places from {prior + 1} to {position - 1} are missing: a seal was removed"
                    : reader.GetBoolean(5) ? "the row sealed at this place is missing: it was removed"
                    : $"its content and the hash of position {prior} no longer give its hash: the row was changed, or that hash rewritten";
                return new AccessLogVerification.Broken(position, reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reason);
            }
        }

        // The chain is whole here, so every row it lists is in the log: the others are waiting to be sealed.
        const string extent = """
            with start as (select chain_position from personal_data_access_log_start()),
            chain as (
                select s.first_position + e.rank - 1 as chain_position
                from personal_data_access_log_seals s
                cross join lateral unnest(s.row_ids) with ordinality as e(id, rank)
                where s.first_position + e.rank - 1 > (select chain_position from start))
            select count(*), min(chain_position), max(chain_position), (select count(*) from personal_data_access_log) - count(*)
            from chain
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
