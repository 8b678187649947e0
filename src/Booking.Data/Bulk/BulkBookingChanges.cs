using Booking.Data.Bookings;
using Booking.Domain.Scheduling;
using Npgsql;

namespace Booking.Data.Bulk;

/// <summary>A booking a clinic-day moves in by a bulk job, to <see cref="Seat"/> of <see cref="Slot"/>.</summary>
public sealed record BulkMoveRow(Guid BookingId, int ExpectedVersion, Slot Slot, int Seat, string HoldId);

/// <summary>
/// The changes a bulk job makes to bookings, many in one statement (raw Npgsql: <c>unnest</c> of arrays). Each
/// booking moves or is cancelled only at the version the job read (compare-and-swap), and its job item, its message
/// to the citizen (moved or cancelled by the clinic) and its reminders commit in the same statement: a job resumed
/// after a crash finds the item done and never tells the citizen twice.
/// </summary>
public sealed class BulkBookingChanges(NpgsqlDataSource dataSource)
{
    /// <summary>Moves bookings into seats of one clinic; the ones moved are returned. A batch the seat or interval guard
    /// refuses is retried one booking at a time, so one refusal does not hold the others back.</summary>
    public async Task<IReadOnlySet<Guid>> MoveAsync(Guid jobId, Guid locationId, IReadOnlyList<BulkMoveRow> rows, CancellationToken cancellationToken = default)
    {
        try
        {
            return await MoveBatchAsync(jobId, locationId, rows, cancellationToken);
        }
        catch (PostgresException e) when (rows.Count > 1 && e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
        {
            var moved = new HashSet<Guid>();
            foreach (var row in rows)
            {
                try
                {
                    moved.UnionWith(await MoveBatchAsync(jobId, locationId, [row], cancellationToken));
                }
                catch (PostgresException one) when (one.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation)
                {
                    // This booking keeps its place: its seat is taken in the database, or the citizen has another booking too close.
                }
            }
            return moved;
        }
    }

    private async Task<IReadOnlySet<Guid>> MoveBatchAsync(Guid jobId, Guid locationId, IReadOnlyList<BulkMoveRow> rows, CancellationToken cancellationToken)
    {
        var sql = $"""
            with m as (
                select * from unnest(@id, @version, @service, @start, @end, @seat, @capacity, @hold)
                    as m(id, version, service, slot_start, slot_end, seat, capacity, hold)),
            previous as (
                select b.id, b.location_id, b.slot_start from bookings b join m on m.id = b.id
                where b.version = m.version and b.status = 'confirmed' and b.service_code = m.service
                for update of b),
            moved as (
                update bookings b
                set location_id = @location, slot_start = m.slot_start, slot_end = m.slot_end, seat = m.seat, slot_capacity = m.capacity,
                    hold_digest = m.hold, updated_at = now(), version = b.version + 1,
                    interval_window = {BookingRepository.IntervalWindow("s", "(m.slot_start at time zone l.time_zone)::date")}
                from previous p join m on m.id = p.id, services s, locations l
                where b.id = p.id and s.code = m.service and l.id = @location
                returning b.id, b.tenant_id, b.service_code, b.slot_start,
                          p.slot_start as previous_slot_start, p.location_id as previous_location_id),
            notified as ({BookingChangeNotifications.Notify("moved", $"'{BookingChangeNotifications.MoveKind(ChangedBy.Clinic)}'", withPrevious: true)}),
            dropped as ({BookingChangeNotifications.CancelReminders("moved")}),
            reminded as ({BookingChangeNotifications.ScheduleReminders("moved")}),
            done as (
                update bulk_job_items i set status = 'moved', target_location_id = @location, target_slot_start = m.slot_start, updated_at = now()
                from moved m where i.job_id = @job and i.booking_id = m.id)
            select id from moved
            """;
        await using var command = dataSource.CreateCommand(sql);
        var p = command.Parameters;
        p.AddWithValue("job", jobId);
        p.AddWithValue("location", locationId);
        p.AddWithValue("id", rows.Select(r => r.BookingId).ToArray());
        p.AddWithValue("version", rows.Select(r => r.ExpectedVersion).ToArray());
        p.AddWithValue("service", rows.Select(r => r.Slot.ServiceCode).ToArray());
        p.AddWithValue("start", rows.Select(r => r.Slot.Start.ToUniversalTime()).ToArray());
        p.AddWithValue("end", rows.Select(r => r.Slot.End.ToUniversalTime()).ToArray());
        p.AddWithValue("seat", rows.Select(r => r.Seat).ToArray());
        p.AddWithValue("capacity", rows.Select(r => r.Slot.Capacity).ToArray());
        p.AddWithValue("hold", rows.Select(r => BookingDigests.Of(r.HoldId)).ToArray());
        return await ReadIdsAsync(command, cancellationToken);
    }

    /// <summary>Cancels bookings of one clinic-day for the clinic; the ones cancelled are returned.</summary>
    public async Task<IReadOnlySet<Guid>> CancelAsync(Guid jobId, IReadOnlyList<(Guid BookingId, int ExpectedVersion)> bookings,
        CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with c as (select * from unnest(@id, @version) as c(id, version)),
            cancelled as (
                update bookings b set status = 'cancelled', cancelled_at = now(), updated_at = now(), version = b.version + 1
                from c where b.id = c.id and b.version = c.version and b.status = 'confirmed'
                returning b.id, b.tenant_id),
            notified as ({BookingChangeNotifications.Notify("cancelled", $"'{BookingChangeNotifications.CancellationKind(ChangedBy.Clinic)}'")}),
            dropped as ({BookingChangeNotifications.CancelReminders("cancelled")}),
            done as (
                update bulk_job_items i set status = 'cancelled', updated_at = now()
                from cancelled x where i.job_id = @job and i.booking_id = x.id)
            select id from cancelled
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("id", bookings.Select(b => b.BookingId).ToArray());
        command.Parameters.AddWithValue("version", bookings.Select(b => b.ExpectedVersion).ToArray());
        return await ReadIdsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlySet<Guid>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetGuid(0));
        return ids;
    }
}
