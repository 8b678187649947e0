using Booking.Data.Catalog;
using Booking.Data.Dashboard;
using Booking.Domain.Catalog;
using Booking.Domain.Scheduling;
using Booking.Staff.Access;

namespace Booking.Staff.Dashboard;

/// <summary>One day of a clinic's dashboard: the seats its schedule offers, and what became of its bookings.</summary>
public sealed record DashboardDay(DateOnly Day, int Capacity, int Booked, int CheckedIn, int NoShows, int Cancelled);

/// <summary>A clinic's last and next <see cref="ClinicDashboard.Days"/> days, and its messages' delivery.</summary>
public sealed record DashboardView(Location Clinic, IReadOnlyList<Location> Clinics, DateOnly Today, IReadOnlyList<DashboardDay> Days,
    IReadOnlyList<DeliveryCounts> Deliveries);

/// <summary>
/// The figures a clinic manager or a tenant administrator follows (<see cref="StaffPermission.ViewStatistics"/>): per
/// day, the seats the schedule lays out (the slot engine over one read of the clinic's schedule for the whole period)
/// and the bookings' counts from one grouped query; the delivery of the messages about its bookings. Counts only.
/// </summary>
public sealed class ClinicDashboard(StaffAccess access, CatalogRepository catalog, DashboardQuery figures, TimeProvider clock)
{
    public const int Days = 30;

    /// <returns>Null when the person reads no clinic's figures, or not this one's (answered as if it did not exist).</returns>
    public async Task<DashboardView?> OpenAsync(Guid userId, Guid? clinicId, CancellationToken cancellationToken = default)
    {
        var allowed = (await access.LocationsAsync(userId, StaffPermission.ViewStatistics, cancellationToken)).ToHashSet();
        var clinics = (await catalog.LocationsAsync(cancellationToken)).Where(l => allowed.Contains(l.Id)).ToList();
        var clinic = clinicId is { } id ? clinics.SingleOrDefault(l => l.Id == id) : clinics.FirstOrDefault();
        if (clinic is null)
            return null;
        var today = clinic.DateOf(clock.GetUtcNow());
        var (first, last) = (today.AddDays(-Days), today.AddDays(Days));
        var schedule = await catalog.ScheduleAsync(clinic, first, last, cancellationToken);
        var counts = (await figures.DaysAsync(clinic.Id, clinic.TimeZoneId, clinic.DayBounds(first).Start, clinic.DayBounds(last).End, cancellationToken))
            .ToDictionary(c => c.Day);
        var days = Enumerable.Range(0, 2 * Days + 1).Select(offset => first.AddDays(offset)).Select(day =>
        {
            var c = counts.GetValueOrDefault(day) ?? new DayCounts(day, 0, 0, 0, 0);
            return new DashboardDay(day, SlotGenerator.SlotsOn(schedule, day).Sum(s => s.Capacity), c.Booked, c.CheckedIn, c.NoShows, c.Cancelled);
        }).ToList();
        var deliveries = await figures.DeliveriesAsync(clinic.Id, clinic.DayBounds(first).Start, cancellationToken);
        return new DashboardView(clinic, clinics, today, days, deliveries);
    }
}
