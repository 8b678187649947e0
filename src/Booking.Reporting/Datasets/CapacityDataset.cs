using Booking.Data.Catalog;
using Booking.Data.Reporting;
using Booking.Domain.Scheduling;

namespace Booking.Reporting.Datasets;

/// <summary>Per clinic, service and day: the seats its schedule offered and how many were booked. The seats come from
/// the same schedule the clinic-day grain lays its slots from (<see cref="SlotGenerator"/>), read through the
/// reporting connection.</summary>
public sealed class CapacityDataset(ExtractSourceQueries queries, ReportingDataSource reporting) : IExtractSource
{
    public const string Name = "capacity";

    public static readonly ExtractDataset Definition = new(Name,
        "Capacity and utilisation per clinic, service and day: slots and seats the schedule offered, seats booked, bookings cancelled.",
        "The day at the clinic (its time zone).",
        [
            new("slot_date", FieldType.Date, "The day.", "the partition's day"),
            new(ExtractDataset.TenantField, FieldType.Identifier, "The tenant the clinic belongs to.", "locations.tenant_id"),
            new("tenant_name", FieldType.Text, "The tenant's name.", "tenants.name"),
            new("region_name", FieldType.Text, "The region: the tenant just below the top of the tenant tree (empty for a top-level tenant).",
                "tenants (tree)"),
            new("location_id", FieldType.Identifier, "The clinic.", "locations.id"),
            new("location_name", FieldType.Text, "The clinic's name.", "locations.name"),
            new("service_code", FieldType.Text, "The service (catalogue code).", "weekly_templates.service_code, bookings.service_code"),
            new("slots", FieldType.Integer, "Appointment slots the schedule offered (0 when closed that day).",
                "weekly_templates, weekly_template_hours and schedule_exceptions, laid out as the booking engine does"),
            new("seats_offered", FieldType.Integer, "Seats offered: the sum of the slots' capacities.", "as slots"),
            new("seats_booked", FieldType.Integer, "Live bookings on that day.", "count of bookings with status confirmed", FieldRole.Count),
            new("bookings_cancelled", FieldType.Integer, "Bookings for that day that were cancelled.", "count of bookings with status cancelled",
                FieldRole.Count),
            new("utilisation", FieldType.Decimal, "seats_booked / seats_offered, from 0 to 1 (empty when nothing was offered).",
                "computed", FieldRole.DerivedFromCounts),
            ExtractDataset.SuppressedMark,
        ]);

    public ExtractDataset Dataset => Definition;

    public async Task<IReadOnlyList<object?[]>> ReadAsync(ExtractDay day, CancellationToken cancellationToken)
    {
        var clinics = (await queries.LocationsAsync(cancellationToken)).Rows.ToDictionary(row => (Guid)row[0]!);
        var offered = await OfferedAsync(day.Date, cancellationToken);
        var booked = (await queries.BookingCountsAsync(day.Date, day.From, day.To, cancellationToken)).Rows
            .ToDictionary(row => (Location: (Guid)row[0]!, Service: (string)row[1]!), row => ((long)row[2]!, (long)row[3]!));
        return offered.Keys.Union(booked.Keys)
            .Select(key =>
            {
                var clinic = clinics[key.Location];
                var (slots, seats) = offered.GetValueOrDefault(key);
                var (live, cancelled) = booked.GetValueOrDefault(key);
                return new object?[]
                {
                    day.Date, clinic[2], clinic[3], clinic[4], key.Location, clinic[1], key.Service, slots, seats, live, cancelled,
                    seats == 0 ? null : Math.Round((double)live / seats, 4), null,
                };
            })
            .OrderBy(row => (string)row[5]!, StringComparer.Ordinal).ThenBy(row => (Guid)row[4]!).ThenBy(row => (string)row[6]!, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Slots and seats per open clinic and service on the day.</summary>
    private async Task<Dictionary<(Guid Location, string Service), (long Slots, long Seats)>> OfferedAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var catalog = new CatalogRepository(reporting.DataSource);
        var offered = new Dictionary<(Guid Location, string Service), (long Slots, long Seats)>();
        foreach (var location in (await catalog.LocationsAsync(cancellationToken)).Where(l => l.IsOpen))
            foreach (var service in SlotGenerator.SlotsOn(await catalog.ScheduleAsync(location, date, cancellationToken), date).GroupBy(s => s.ServiceCode))
                offered[(location.Id, service.Key)] = (service.LongCount(), service.Sum(s => (long)s.Capacity));
        return offered;
    }
}
