using Npgsql;

namespace Booking.Data.Bookings;

/// <summary>A live hold as a clinic-day leaves it behind on a graceful stop: its id's digest, its slot, its expiry, and
/// whether it holds a seat offered to someone on the waiting list.</summary>
public sealed record HandedOverHold(byte[] HoldDigest, string ServiceCode, DateTimeOffset Start, DateTimeOffset ExpiresAt, bool OfferedToWaitingList);

/// <summary>
/// Holds a stopping clinic-day hands to its next activation through PostgreSQL (migration 0041). The next activation
/// counts them against capacity as soon as it loads; the citizen's own hold id takes its row back when they confirm.
/// </summary>
public sealed class HandedOverHoldRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Writes the clinic-day's live holds, and drops any row, of any clinic-day, that nobody will need: run out,
    /// unless it is a waiting-list offer whose seat has not started (its clinic-day owes that seat to the list).</summary>
    public async Task SaveAsync(Guid locationId, DateOnly date, IReadOnlyList<HandedOverHold> holds, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            with purged as (
                delete from handed_over_holds where expires_at <= @now and (not offered_to_waiting_list or slot_start <= @now))
            insert into handed_over_holds (hold_digest, location_id, local_date, service_code, slot_start, expires_at, offered_to_waiting_list)
            select h.digest, @location, @date, h.service, h.start, h.expires, h.offered
            from unnest(@digest, @service, @start, @expires, @offered) as h(digest, service, start, expires, offered)
            on conflict (hold_digest) do update set offered_to_waiting_list = excluded.offered_to_waiting_list
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("date", date);
        command.Parameters.AddWithValue("digest", holds.Select(h => h.HoldDigest).ToArray());
        command.Parameters.AddWithValue("service", holds.Select(h => h.ServiceCode).ToArray());
        command.Parameters.AddWithValue("start", holds.Select(h => h.Start.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("expires", holds.Select(h => h.ExpiresAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue("offered", holds.Select(h => h.OfferedToWaitingList).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The clinic-day's holds still running at <paramref name="now"/>, left in place for their citizens to claim, and the
    /// waiting-list offers among them, run out or not. Which holds are offers is told once: the activation that hears it
    /// keeps the list's account from then on (and writes it again if it stops), so no later activation owes a seat twice.
    /// </summary>
    public async Task<IReadOnlyList<HandedOverHold>> TakeBackAsync(Guid locationId, DateOnly date, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            with told as (
                update handed_over_holds set offered_to_waiting_list = false
                where location_id = @location and local_date = @date and offered_to_waiting_list
                returning hold_digest)
            select h.hold_digest, h.service_code, h.slot_start, h.expires_at, told.hold_digest is not null
            from handed_over_holds h left join told on told.hold_digest = h.hold_digest
            where h.location_id = @location and h.local_date = @date and (h.expires_at > @now or told.hold_digest is not null)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("date", date);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var holds = new List<HandedOverHold>();
        while (await reader.ReadAsync(cancellationToken))
            holds.Add(Read(reader));
        return holds;
    }

    /// <summary>Takes the hold whose id has <paramref name="holdDigest"/> out of the table, once: null if none was left.</summary>
    public async Task<HandedOverHold?> ClaimAsync(byte[] holdDigest, CancellationToken cancellationToken = default)
    {
        const string sql = """
            delete from handed_over_holds where hold_digest = @digest
            returning hold_digest, service_code, slot_start, expires_at, offered_to_waiting_list
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("digest", holdDigest);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static HandedOverHold Read(NpgsqlDataReader reader) =>
        new(reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetBoolean(4));
}
