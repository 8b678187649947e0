namespace Booking.Grains.Availability;

[GenerateSerializer, Immutable, Alias("booking.Availability.FreeSlot")]
public readonly record struct FreeSlot(DateTimeOffset Start, DateTimeOffset End, int Remaining);

/// <summary>What one clinic has left for one service on one day, as of <see cref="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("booking.Availability.Location")]
public sealed record LocationAvailability(Guid LocationId, long Version, IReadOnlyList<FreeSlot> Slots);

[GenerateSerializer, Immutable, Alias("booking.Availability.ServiceDay")]
public sealed record ServiceDayAvailability(string ServiceCode, DateOnly Date, IReadOnlyList<LocationAvailability> Locations);
