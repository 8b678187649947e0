using System.Globalization;
using Booking.Data.Catalog;
using Booking.Domain.Catalog;
using Booking.Grains.Availability;
using Booking.Web.Site;

namespace Booking.Web.Feed;

/// <summary>What one service-day's index held when the feed was built: each clinic's open slots, full ones included.</summary>
public sealed record ServiceDaySlots(string ServiceCode, DateOnly Date, IReadOnlyDictionary<Guid, IReadOnlyList<FreeSlot>> ByLocation);

/// <summary>
/// The feed's NDJSON files from the catalogue and the availability index: a Slot file per date, and the Schedules
/// (clinic × service) and Locations those slots belong to, so that every reference resolves within the feed. Each
/// slot becomes a free Slot (its seats left, with the booking deep link) and a busy one (its seats taken), each with
/// the slot-capacity extension. Everything is in a fixed order, so the same data gives the same bytes and ETags.
/// </summary>
public static class FeedDataSet
{
    public static IReadOnlyList<FeedFile> Files(ReferenceData.Snapshot reference, IEnumerable<ServiceDaySlots> serviceDays, DateTimeOffset now, Uri siteBase)
    {
        var offered = new HashSet<(Guid Location, string Service)>();
        var files = new List<FeedFile>();
        foreach (var day in serviceDays.GroupBy(d => d.Date).OrderBy(d => d.Key))
        {
            var slots = new SchedulingResources(siteBase);
            foreach (var serviceDay in day.OrderBy(d => d.ServiceCode, StringComparer.Ordinal))
                foreach (var (locationId, daySlots) in serviceDay.ByLocation.OrderBy(l => l.Key))
                {
                    if (!reference.Locations.TryGetValue(locationId, out var location) || !reference.Services.ContainsKey(serviceDay.ServiceCode))
                        continue;
                    var deepLink = BookingDeepLink.For(siteBase, location, serviceDay.ServiceCode, day.Key);
                    // A cached snapshot may still list slots that have started since: they are no longer bookable.
                    foreach (var slot in daySlots.Where(s => s.Start > now).OrderBy(s => s.Start))
                    {
                        if (slot.Remaining > 0)
                            slots.Slot(location, serviceDay.ServiceCode, slot.Start, slot.End, free: true, slot.Remaining, deepLink);
                        if (slot.Capacity > slot.Remaining)
                            slots.Slot(location, serviceDay.ServiceCode, slot.Start, slot.End, free: false, slot.Capacity - slot.Remaining, deepLink: null);
                        offered.Add((locationId, serviceDay.ServiceCode));
                    }
                }
            if (slots.Count > 0)
                files.Add(new FeedFile($"slots-{day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.ndjson", "Slot", FeedFile.NdjsonMediaType, slots.ToArray()));
        }

        var schedules = new SchedulingResources(siteBase);
        foreach (var (locationId, serviceCode) in offered.OrderBy(o => o.Location).ThenBy(o => o.Service, StringComparer.Ordinal))
            schedules.Schedule(reference.Locations[locationId], reference.Services[serviceCode]);
        var locations = new SchedulingResources(siteBase);
        foreach (var locationId in offered.Select(o => o.Location).Distinct().Order())
            locations.Location(reference.Locations[locationId]);
        return
        [
            new FeedFile("locations.ndjson", "Location", FeedFile.NdjsonMediaType, locations.ToArray()),
            new FeedFile("schedules.ndjson", "Schedule", FeedFile.NdjsonMediaType, schedules.ToArray()),
            .. files,
        ];
    }
}
