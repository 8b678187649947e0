using System.Collections.Concurrent;
using Booking.Grains;
using Booking.Grains.Availability;

namespace Booking.ClusterClient.Availability;

/// <summary>
/// Per host (the citizens' web host, the staff site), the latest picture of one service-day from its index grain,
/// indexed by clinic and shared by every search for about a second. Concurrent searches for the same service-day share
/// one grain call, so a stampede of searches costs the cluster one call per service-day per host per second, whatever
/// the traffic, and a contact-centre agent looking for a caller's time adds nothing to the clinic-day grains' load.
/// </summary>
public sealed class AvailabilitySnapshots(GrainReferences grains, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(Task<IReadOnlyDictionary<Guid, IReadOnlyList<FreeSlot>>> ByLocation, DateTimeOffset FetchedAt);

    /// <summary>Free slots of one service on one date, by clinic.</summary>
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<FreeSlot>>> GetAsync(string serviceCode, DateOnly date)
    {
        var key = ServiceDayKey.For(serviceCode, date);
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(key,
            _ => Fetch(key, now),
            (_, existing) => existing.ByLocation.IsFaulted || now - existing.FetchedAt > MaxAge ? Fetch(key, now) : existing);
        return entry.ByLocation;
    }

    private Entry Fetch(string key, DateTimeOffset now) => new(FetchIndexed(key), now);

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<FreeSlot>>> FetchIndexed(string key)
    {
        var snapshot = await grains.Get<IServiceDayAvailabilityGrain>(key).Snapshot();
        return snapshot.Locations.ToDictionary(l => l.LocationId, l => l.Slots);
    }
}
