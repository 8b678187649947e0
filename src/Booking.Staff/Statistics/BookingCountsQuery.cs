using Booking.Staff.Access;
using Npgsql;

namespace Booking.Staff.Statistics;

/// <summary>Bookings of one service at one clinic over a period: numbers only.</summary>
public sealed record BookingCount(string Clinic, string ServiceFr, string ServiceEn, long Confirmed, long Cancelled);

/// <summary>How many bookings each clinic has per service, over the clinics where a staff member may read figures
/// (<see cref="StaffPermission.ViewStatistics"/>). Aggregates only: no booking, no citizen, nothing sealed is read,
/// so it writes nothing to the personal-data access log.</summary>
public sealed class BookingCountsQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<BookingCount>> ForPeriodAsync(Guid staffUserId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Locations("visible")}
            select l.name, s.name_fr, s.name_en,
                   count(*) filter (where b.status = 'confirmed'), count(*) filter (where b.status = 'cancelled')
            from bookings b
            join locations l on l.id = b.location_id
            join services s on s.code = b.service_code
            where b.location_id in (select id from visible) and b.slot_start >= @from and b.slot_start < @to
            group by l.name, s.name_fr, s.name_en
            order by l.name, s.name_fr
            """;
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, staffUserId, StaffPermission.ViewStatistics);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        var counts = new List<BookingCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counts.Add(new BookingCount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
        return counts;
    }
}
