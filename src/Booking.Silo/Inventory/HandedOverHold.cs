namespace Booking.Silo.Inventory;

/// <summary>A live hold as a clinic-day hands it to its next activation on another silo during a graceful stop.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.HandedOverHold")]
public sealed record HandedOverHold(
    [property: Id(0)] string HoldId,
    [property: Id(1)] string ServiceCode,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset ExpiresAt);
