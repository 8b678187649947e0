using Npgsql;

namespace Booking.Data.Bookings;

/// <summary>A live hold as a clinic-day leaves it behind on a graceful stop: its id's digest, its slot, its expiry.</summary>
public sealed record HandedOverHold(byte[] HoldDigest, string ServiceCode, DateTimeOffset Start, DateTimeOffset ExpiresAt);

/// <summary>
/// Holds a stopping clinic-day hands to its next activation through PostgreSQL (migration 0041). The next activation
/// counts them against capacity as soon as it loads; the citizen's own hold id takes its row back when they confirm.
/// </summary>
public sealed class HandedOverHoldRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Writes the clinic-day's live holds, and drops any row, of any clinic-day, that has expired since.</summary>
    public async Task SaveAsync(Guid locationId, DateOnly date, IReadOnlyList<HandedOverHold> holds, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            with purged as (delete from handed_over_holds where expires_at <= @now)
            insert into handed_over_holds (hold_digest, location_id, local_date, service_code, slot_start, expires_at)
            select h.digest, @location, @date, h.service, h.start, h.expires
            from unnest(@digest, @service, @start, @expires) as h(digest, service, start, expires)
            on conflict (hold_digest) do nothing
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("date", date);
        command.Parameters.AddWithValue("digest", holds.Select(h => h.HoldDigest).ToArray());
        command.Parameters.AddWithValue("service", holds.Select(h => h.ServiceCode).ToArray());
        command.Parameters.AddWithValue("start", holds.Select(h => h.Start.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("expires", holds.Select(h => h.ExpiresAt.ToUniversalTime()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The clinic-day's holds still running at <paramref name="now"/>, left in place for their citizens to claim.</summary>
    public async Task<IReadOnlyList<HandedOverHold>> OfClinicDayAsync(Guid locationId, DateOnly date, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            select hold_digest, service_code, slot_start, expires_at from handed_over_holds
            where location_id = @location and local_date = @date and expires_at > @now
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("date", date);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var holds = new List<HandedOverHold>();
        while (await reader.ReadAsync(cancellationToken))
            holds.Add(new HandedOverHold(reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return holds;
    }

    /// <summary>Takes the hold whose id has <paramref name="holdDigest"/> out of the table, once: null if none was left.</summary>
    public async Task<HandedOverHold?> ClaimAsync(byte[] holdDigest, CancellationToken cancellationToken = default)
    {
        const string sql = """
            delete from handed_over_holds where hold_digest = @digest
            returning hold_digest, service_code, slot_start, expires_at
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("digest", holdDigest);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new HandedOverHold(reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }
}
