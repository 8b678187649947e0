using Npgsql;

namespace Booking.Data.Bulk;

/// <summary>An earlier seat held for a citizen by a bulk offer, until <see cref="ExpiresAt"/>.</summary>
public sealed record NewOffer(Guid Id, Guid BookingId, Guid LocationId, string ServiceCode, DateTimeOffset SlotStart, DateTimeOffset SlotEnd,
    string HoldId, DateTimeOffset ExpiresAt);

/// <summary>An offer with its booking as it is now: what the citizen's page shows and what accepting needs.</summary>
public sealed record StoredOffer(Guid Id, Guid BookingId, Guid LocationId, string ServiceCode, DateTimeOffset SlotStart, string HoldId,
    DateTimeOffset ExpiresAt, string Status, string ConfirmationCode, int BookingVersion, string BookingStatus, Guid BookingLocationId,
    DateTimeOffset BookingSlotStart, string Language)
{
    public bool IsAccepted => Status == "accepted";
}

/// <summary>
/// Bulk offers of earlier appointments (migration 0060). Raw Npgsql: a round's offers go in one <c>unnest</c>
/// statement, each with its job item and its "earlier appointment" message, and only for items still pending, so a
/// round run twice after a crash offers and tells nobody twice.
/// </summary>
public sealed class BulkOffers(NpgsqlDataSource dataSource)
{
    /// <returns>How many offers were recorded (items no longer pending are left out).</returns>
    public async Task<int> RecordAsync(Guid jobId, IReadOnlyList<NewOffer> offers, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with o as (
                select * from unnest(@id, @booking, @location, @service, @start, @end, @hold, @expires)
                    as o(id, booking, location, service, slot_start, slot_end, hold, expires)),
            pending as (
                update bulk_job_items i set status = 'offered', target_location_id = o.location, target_slot_start = o.slot_start, updated_at = now()
                from o where i.job_id = @job and i.booking_id = o.booking and i.status = 'pending'
                returning i.booking_id),
            offered as (
                insert into bulk_offers (id, job_id, booking_id, location_id, service_code, slot_start, slot_end, hold_id, expires_at)
                select o.id, @job, o.booking, o.location, o.service, o.slot_start, o.slot_end, o.hold, o.expires
                from o join pending p on p.booking_id = o.booking
                returning id, booking_id),
            notified as (
                insert into notifications (id, tenant_id, booking_id, kind, category, offer_id)
                select gen_random_uuid(), b.tenant_id, b.id, 'BulkOffer', 'bulk', x.id from offered x join bookings b on b.id = x.booking_id)
            select count(*) from offered
            """;
        await using var command = dataSource.CreateCommand(sql);
        var p = command.Parameters;
        p.AddWithValue("job", jobId);
        p.AddWithValue("id", offers.Select(o => o.Id).ToArray());
        p.AddWithValue("booking", offers.Select(o => o.BookingId).ToArray());
        p.AddWithValue("location", offers.Select(o => o.LocationId).ToArray());
        p.AddWithValue("service", offers.Select(o => o.ServiceCode).ToArray());
        p.AddWithValue("start", offers.Select(o => o.SlotStart.ToUniversalTime()).ToArray());
        p.AddWithValue("end", offers.Select(o => o.SlotEnd.ToUniversalTime()).ToArray());
        p.AddWithValue("hold", offers.Select(o => o.HoldId).ToArray());
        p.AddWithValue("expires", offers.Select(o => o.ExpiresAt.ToUniversalTime()).ToArray());
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<StoredOffer?> FindAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select o.id, o.booking_id, o.location_id, o.service_code, o.slot_start, o.hold_id, o.expires_at, o.status,
                   b.confirmation_code, b.version, b.status, b.location_id, b.slot_start, b.language
            from bulk_offers o join bookings b on b.id = o.booking_id where o.id = @id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", offerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new StoredOffer(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9),
            reader.GetString(10), reader.GetGuid(11), reader.GetFieldValue<DateTimeOffset>(12), reader.GetString(13));
    }

    /// <summary>Records that the citizen took the offer (the booking has moved into its seat); false if it already was.</summary>
    public async Task<bool> MarkAcceptedAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "update bulk_offers set status = 'accepted', accepted_at = now() where id = @id and status = 'offered'");
        command.Parameters.AddWithValue("id", offerId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
