using Booking.ClusterClient.Availability;
using Booking.Data.Catalog;
using Booking.Domain.Catalog;
using Booking.Grains.Availability;

namespace Booking.Web.Availability;

public sealed record AvailabilityQuery(string ServiceCode, GeoPoint Origin, DateOnly From, int Days, double RadiusKm, int Limit, int SlotsPerLocation);

/// <summary>What a search reads before it answers: the catalogue and each day's free slots by clinic, as this host holds
/// them (each kept for about a second).</summary>
public sealed record SearchInputs(ReferenceData.Snapshot Reference, IReadOnlyDictionary<Guid, IReadOnlyList<FreeSlot>>[] Days)
{
    /// <summary>Whether both were read from the very same pictures: then the same query answers the same, but for time.</summary>
    public bool SameAs(SearchInputs other) =>
        ReferenceEquals(Reference, other.Reference) && Days.Length == other.Days.Length
        && Days.Zip(other.Days).All(pair => ReferenceEquals(pair.First, pair.Second));
}

/// <summary>Nearby clinics with free slots, nearest first, answered from memory: clinics from the reference data,
/// slots from the per-service-day snapshots. Only clinics within the radius are looked at, nearest first, until
/// the limit is reached.</summary>
public sealed class AvailabilitySearch(ReferenceData referenceData, AvailabilitySnapshots snapshots, TimeProvider clock)
{
    public async Task<IReadOnlyList<LocationAvailabilityResponse>> FindAsync(AvailabilityQuery query, CancellationToken cancellationToken) =>
        Find(await ReadAsync(query, cancellationToken), query);

    /// <summary>The clinics and slots a query's answer is made of, as this host has them now.</summary>
    public async Task<SearchInputs> ReadAsync(AvailabilityQuery query, CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        var days = await Task.WhenAll(Enumerable.Range(0, query.Days).Select(d => snapshots.GetAsync(query.ServiceCode, query.From.AddDays(d))));
        return new SearchInputs(reference, days);
    }

    /// <summary>The answer to <paramref name="query"/> from <paramref name="inputs"/>, at the clock's time: slots that
    /// have started are left out.</summary>
    public IReadOnlyList<LocationAvailabilityResponse> Find(SearchInputs inputs, AvailabilityQuery query)
    {
        var now = clock.GetUtcNow();
        var found = new List<LocationAvailabilityResponse>();
        var nearby = inputs.Reference.Locations.Values.Where(location => location.IsOpen)
            .Select(location => (location, distance: query.Origin.DistanceKmTo(location.Position)))
            .Where(x => x.distance <= query.RadiusKm)
            .OrderBy(x => x.distance);
        foreach (var (location, distance) in nearby)
        {
            if (FreeSlots(inputs.Days, location, query, now) is { Count: > 0 } free)
                found.Add(ToResponse(location, distance, free));
            if (found.Count == query.Limit)
                break;
        }
        return found;
    }

    /// <summary>One clinic within the query's radius with its free slots (the day picker of a chosen clinic, or a
    /// booking deep link), however many clinics are nearer; null when it is out of reach or has none.</summary>
    public async Task<LocationAvailabilityResponse?> OfLocationAsync(AvailabilityQuery query, Guid locationId, CancellationToken cancellationToken)
    {
        var inputs = await ReadAsync(query, cancellationToken);
        if (!inputs.Reference.Locations.TryGetValue(locationId, out var location))
            return null;
        var distance = query.Origin.DistanceKmTo(location.Position);
        return distance <= query.RadiusKm && FreeSlots(inputs.Days, location, query, clock.GetUtcNow()) is { Count: > 0 } free
            ? ToResponse(location, distance, free)
            : null;
    }

    /// <summary>The clinic's first free slots, as the answer shows them: days are in date order and each day's slots in
    /// time order, so the first ones found are the earliest. Made for every answer built: one list, sized by what the
    /// days hold for the clinic, with no slot list in between and no enumerators.</summary>
    private static List<SlotResponse> FreeSlots(IReadOnlyDictionary<Guid, IReadOnlyList<FreeSlot>>[] days, Location location,
        AvailabilityQuery query, DateTimeOffset now)
    {
        var candidates = 0;
        foreach (var day in days)
            candidates += day.GetValueOrDefault(location.Id)?.Count ?? 0;
        var free = new List<SlotResponse>(Math.Min(candidates, query.SlotsPerLocation));
        foreach (var day in days)
        {
            var slots = day.GetValueOrDefault(location.Id) ?? [];
            for (var i = 0; i < slots.Count && free.Count < query.SlotsPerLocation; i++)
            {
                if (slots[i] is { Remaining: > 0 } slot && slot.Start > now)
                    free.Add(new SlotResponse(location.LocalTime(slot.Start), location.LocalTime(slot.End), slot.Remaining));
            }
        }
        return free;
    }

    private static LocationAvailabilityResponse ToResponse(Location location, double distanceKm, IReadOnlyList<SlotResponse> slots) =>
        new(location.Id, location.Name, location.Address, location.City, Math.Round(distanceKm, 1), location.TimeZoneId, slots,
            ClinicNotesResponse.Of(location));
}
