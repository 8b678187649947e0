using Booking.Data.Catalog;
using Booking.Domain.Scheduling;
using Npgsql;

namespace Booking.Data.Audit;

public sealed record SlotOccupancy(Guid LocationId, string ServiceCode, DateTimeOffset SlotStart, int Booked, int Capacity);

/// <summary>Over-capacity slots are the invariant that must stay at zero; orphans are live bookings whose slot the
/// schedule no longer offers (a closure added later): they need staff attention but are not over-booking.</summary>
public sealed record InventoryAuditReport(int SlotsChecked, int BookingsChecked, IReadOnlyList<SlotOccupancy> OverCapacity, IReadOnlyList<SlotOccupancy> Orphans);

/// <summary>Checks the durable truth against the schedule: capacity comes from the templates through the same
/// <see cref="SlotGenerator"/> the grains use, bookings are counted in PostgreSQL.</summary>
public sealed class InventoryAudit(NpgsqlDataSource dataSource, CatalogRepository catalog)
{
    public async Task<InventoryAuditReport> RunAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            select location_id, service_code, slot_start, count(*)::int
            from bookings where status = 'confirmed'
            group by location_id, service_code, slot_start
            """;
        var booked = new List<(Guid Location, SlotKey Slot, int Count)>();
        await using (var command = dataSource.CreateCommand(sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                booked.Add((reader.GetGuid(0), new SlotKey(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)), reader.GetInt32(3)));

        var locations = (await catalog.LocationsAsync(cancellationToken)).ToDictionary(l => l.Id);
        var overCapacity = new List<SlotOccupancy>();
        var orphans = new List<SlotOccupancy>();
        foreach (var day in booked.GroupBy(b => (b.Location, Date: locations[b.Location].DateOf(b.Slot.Start))))
        {
            var schedule = await catalog.ScheduleAsync(locations[day.Key.Location], day.Key.Date, cancellationToken);
            var capacities = SlotGenerator.SlotsOn(schedule, day.Key.Date).ToDictionary(s => s.Key.Normalised(), s => s.Capacity);
            foreach (var (location, slot, count) in day)
            {
                if (!capacities.TryGetValue(slot.Normalised(), out var capacity))
                    orphans.Add(new SlotOccupancy(location, slot.ServiceCode, slot.Start, count, 0));
                else if (count > capacity)
                    overCapacity.Add(new SlotOccupancy(location, slot.ServiceCode, slot.Start, count, capacity));
            }
        }
        return new InventoryAuditReport(booked.Count, booked.Sum(b => b.Count), overCapacity, orphans);
    }

    /// <summary>The confirmation codes, among those a client was given, that are not live bookings in the database.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(IReadOnlyCollection<string> acknowledgedCodes, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select code from unnest(@codes) as code
            where not exists (select 1 from bookings b where b.confirmation_code = code and b.status = 'confirmed')
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("codes", acknowledgedCodes.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var missing = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            missing.Add(reader.GetString(0));
        return missing;
    }
}
