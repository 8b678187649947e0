using Booking.Data.Catalog;
using Booking.Domain.Bulk;
using Booking.Domain.Catalog;
using Booking.Grains;
using Booking.Grains.Inventory;

namespace Booking.Silo.Bulk;

/// <summary>
/// Finds where bookings of a bulk move can go, from the clinic-days' free seats as they are now: the same clinic's
/// days in the target dates first, then the other clinics of its organisation, nearest first; never a slot of the
/// selection itself (it is being emptied). Shared by the dry run and the job, so both place bookings the same way.
/// </summary>
public sealed class BulkSeatFinder(CatalogRepository catalog, GrainReferences grains)
{
    /// <summary>Read from many clinic-days at once, but not all of a province's at once.</summary>
    private const int ReadParallelism = 16;

    /// <param name="earlierOnly">An offer: only a slot earlier than the booking's own will do.</param>
    public async Task<IReadOnlyList<Placement>> PlaceAsync(BulkSelection selection, DateOnly targetFrom, DateOnly targetUntil,
        IReadOnlyList<(Guid Id, string ServiceCode, DateTimeOffset Start)> bookings, bool earlierOnly, CancellationToken cancellationToken)
    {
        var locations = await catalog.LocationsAsync(cancellationToken);
        if (locations.FirstOrDefault(l => l.Id == selection.LocationId) is not { } origin || bookings.Count == 0)
            return [];
        var services = bookings.Select(b => b.ServiceCode).Distinct().ToList();
        var days = await CandidateDaysAsync(selection, origin, locations, services, targetFrom, targetUntil, cancellationToken);
        return new BulkPlacement(days).Place(bookings.Select(b => new BookingToPlace(b.Id, b.ServiceCode, origin.LocalTime(b.Start).DateTime, earlierOnly ? b.Start : null)));
    }

    private async Task<IReadOnlyList<CandidateDay>> CandidateDaysAsync(BulkSelection selection, Location origin, IReadOnlyList<Location> locations,
        IReadOnlyList<string> services, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
    {
        var nearest = locations
            .Where(l => l.TenantId == origin.TenantId && (l.IsOpen || l.Id == origin.Id))
            .OrderBy(l => l.Id == origin.Id ? 0 : 1).ThenBy(l => origin.Position.DistanceKmTo(l.Position)).ThenBy(l => l.Id)
            .ToList();
        var wanted = (from location in nearest
                      from offset in Enumerable.Range(0, lastDate.DayNumber - firstDate.DayNumber + 1)
                      from service in services
                      select (Location: location, Date: firstDate.AddDays(offset), Service: service)).ToList();
        var days = new CandidateDay[wanted.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, wanted.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                var (location, date, service) = wanted[i];
                var free = await grains.Get<ILocationDayGrain>(new LocationDayKey(location.Id, date).ToString()).Availability(service);
                var slots = free.Slots
                    .Where(s => s.Remaining > 0 && !selection.Contains(location.Id, service, location.LocalTime(s.Start).DateTime))
                    .Select(s => new CandidateSlot(s.Start, TimeOnly.FromDateTime(location.LocalTime(s.Start).DateTime), s.Remaining))
                    .ToList();
                days[i] = new CandidateDay(location.Id, date, service, slots);
            });
        return days;
    }
}
