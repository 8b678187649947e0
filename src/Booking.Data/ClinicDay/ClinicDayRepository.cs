using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.ClinicDay;

/// <summary>
/// A clinic's day at the front desk: its live bookings in one query (the <c>bookings_location_day</c> index, so a
/// 3,000-appointment day is one range scan), and attendance marked on a booking together with the access-log record
/// that names who marked it. The caller has already checked that the staff member may run this clinic's day.
/// </summary>
public sealed class ClinicDayRepository(NpgsqlDataSource dataSource)
{
    public const string Program = "Booking.Admin/clinic-day";

    /// <summary>The clinic's live bookings starting between two instants, by slot.</summary>
    public async Task<IReadOnlyList<DayAppointment>> AppointmentsAsync(Guid locationId, DateTimeOffset from, DateTimeOffset until,
        CancellationToken cancellationToken = default)
    {
        var sql = $"""
            select {DayAppointment.Columns} from bookings
            where location_id = @location and status = 'confirmed' and slot_start >= @from and slot_start < @until
            order by slot_start, service_code, seat
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("until", until.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var appointments = new List<DayAppointment>();
        while (await reader.ReadAsync(cancellationToken))
            appointments.Add(DayAppointment.Read(reader));
        return appointments;
    }

    /// <summary>Records that the person came. A second check-in changes nothing and tells when the first was; a
    /// no-show mark is taken away (a late arrival).</summary>
    public Task<AttendanceOutcome> CheckInAsync(Guid locationId, Guid bookingId, DateTimeOffset now, string actor, IPAddress? sourceIp,
        CancellationToken cancellationToken = default) =>
        MarkAsync("""
            update bookings set checked_in_at = @now, checked_in_by = @actor, no_show_at = null, no_show_by = null,
                                updated_at = @now, version = version + 1
            where id = @id and location_id = @location and status = 'confirmed' and checked_in_at is null
            returning checked_in_at as marked_at
            """, locationId, bookingId, now, actor, sourceIp, cancellationToken);

    /// <summary>Records that the person did not come, once their slot has started; nothing changes for someone already
    /// checked in or already marked.</summary>
    public Task<AttendanceOutcome> MarkNoShowAsync(Guid locationId, Guid bookingId, DateTimeOffset now, string actor, IPAddress? sourceIp,
        CancellationToken cancellationToken = default) =>
        MarkAsync("""
            update bookings set no_show_at = @now, no_show_by = @actor, updated_at = @now, version = version + 1
            where id = @id and location_id = @location and status = 'confirmed' and checked_in_at is null and no_show_at is null
              and slot_start <= @now
            returning no_show_at as marked_at
            """, locationId, bookingId, now, actor, sourceIp, cancellationToken);

    /// <summary>How many bookings one <see cref="MarkNoShowsAsync"/> marks at most.</summary>
    public const int NoShowBatch = 1000;

    /// <summary>The actor the access log names for a no-show the platform marked.</summary>
    public const string PlatformActor = "platform:no-shows";

    /// <summary>Marks as no-shows the live bookings not checked in whose slot ended between <paramref name="endedAfter"/>
    /// and <paramref name="endedBefore"/>, at most <see cref="NoShowBatch"/>, each with its access-log record.</summary>
    /// <returns>How many were marked.</returns>
    public async Task<int> MarkNoShowsAsync(DateTimeOffset endedBefore, DateTimeOffset endedAfter, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            with due as (
                select id from bookings
                where status = 'confirmed' and checked_in_at is null and no_show_at is null
                  and slot_end <= @before and slot_end > @after
                order by slot_end limit @batch
                for update skip locked),
            marked as (
                update bookings b set no_show_at = @now, no_show_by = @actor, updated_at = @now, version = b.version + 1
                from due where b.id = due.id
                returning b.id),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select @actor, 'update', 'bookings', id, 'Booking.Silo/no-shows', null::inet from marked)
            select count(*) from marked
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("before", endedBefore.ToUniversalTime());
        command.Parameters.AddWithValue("after", endedAfter.ToUniversalTime());
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("actor", PlatformActor);
        command.Parameters.AddWithValue("batch", NoShowBatch);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The change, its access-log record and, when nothing changed, what stands already: one statement.</summary>
    private async Task<AttendanceOutcome> MarkAsync(string update, Guid locationId, Guid bookingId, DateTimeOffset now,
        string actor, IPAddress? sourceIp, CancellationToken cancellationToken)
    {
        var sql = $"""
            with marked as ({update}),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program, source_ip)
                select @actor, 'update', 'bookings', @id, @program, @ip from marked)
            select m.marked_at, b.checked_in_at, b.no_show_at, b.id is not null
            from (select 1) as one
                 left join marked m on true
                 left join bookings b on b.id = @id and b.location_id = @location and b.status = 'confirmed'
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", bookingId);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("program", Program);
        command.Parameters.Add(new NpgsqlParameter("ip", NpgsqlDbType.Inet) { Value = (object?)sourceIp ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        DateTimeOffset? At(int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);
        return (At(0), At(1), At(2)) switch
        {
            ({ } marked, _, _) => new AttendanceOutcome.Marked(marked),
            (null, { } checkedIn, _) => new AttendanceOutcome.AlreadyCheckedIn(checkedIn),
            (null, null, { } absent) => new AttendanceOutcome.AlreadyNoShow(absent),
            _ when reader.GetBoolean(3) => new AttendanceOutcome.NotStarted(),
            _ => new AttendanceOutcome.NotHere(),
        };
    }
}
