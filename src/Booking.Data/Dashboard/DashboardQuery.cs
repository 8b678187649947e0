using Npgsql;

namespace Booking.Data.Dashboard;

/// <summary>One clinic's day in numbers: live bookings, of which checked in and no-shows, and cancellations.</summary>
public sealed record DayCounts(DateOnly Day, int Booked, int CheckedIn, int NoShows, int Cancelled);

/// <summary>How many messages about a clinic's bookings ended in each state, per channel.</summary>
public sealed record DeliveryCounts(string Channel, int Sent, int Delivered, int Failed, int Waiting);

/// <summary>Aggregates for a clinic's dashboard: counts only, no booking, no citizen, nothing sealed is read, so no
/// access-log row. The caller has checked the person may read this clinic's figures.</summary>
public sealed class DashboardQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Per local day (in <paramref name="timeZone"/>) of the bookings starting between two instants.</summary>
    public async Task<IReadOnlyList<DayCounts>> DaysAsync(Guid locationId, string timeZone, DateTimeOffset from, DateTimeOffset until,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            select (slot_start at time zone @zone)::date as day,
                   count(*) filter (where status = 'confirmed'),
                   count(*) filter (where status = 'confirmed' and checked_in_at is not null),
                   count(*) filter (where status = 'confirmed' and no_show_at is not null),
                   count(*) filter (where status = 'cancelled')
            from bookings
            where location_id = @location and slot_start >= @from and slot_start < @until
            group by 1 order by 1
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("zone", timeZone);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("until", until.ToUniversalTime());
        var days = new List<DayCounts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            days.Add(new DayCounts(reader.GetFieldValue<DateOnly>(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
                (int)reader.GetInt64(4)));
        return days;
    }

    /// <summary>The messages about the clinic's bookings queued since <paramref name="since"/>, by channel and outcome.
    /// Failed counts bounces and those given up; waiting, those queued or being sent.</summary>
    public async Task<IReadOnlyList<DeliveryCounts>> DeliveriesAsync(Guid locationId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select coalesce(n.channel, 'email'),
                   count(*) filter (where n.status = 'sent'),
                   count(*) filter (where n.status = 'delivered'),
                   count(*) filter (where n.status in ('failed', 'bounced', 'dead_letter')),
                   count(*) filter (where n.status in ('queued', 'sending'))
            from notifications n join bookings b on b.id = n.booking_id
            where b.location_id = @location and n.created_at >= @since
            group by 1 order by 1
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        var lines = new List<DeliveryCounts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new DeliveryCounts(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4)));
        return lines;
    }
}
