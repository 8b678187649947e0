namespace Booking.Grains.Availability;

/// <summary>A slot open for booking (not started, not closed) with the seats it has left, 0 once full: the search
/// shows those with seats left, the open availability feed also publishes the full ones as busy.</summary>
[GenerateSerializer, Immutable, Alias("booking.Availability.FreeSlot")]
public readonly record struct FreeSlot(DateTimeOffset Start, DateTimeOffset End, int Remaining, int Capacity);

/// <summary>What one clinic has left for one service on one day, as of <see cref="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("booking.Availability.Location")]
public sealed record LocationAvailability(Guid LocationId, long Version, IReadOnlyList<FreeSlot> Slots);

[GenerateSerializer, Immutable, Alias("booking.Availability.ServiceDay")]
public sealed record ServiceDayAvailability(string ServiceCode, DateOnly Date, IReadOnlyList<LocationAvailability> Locations);
