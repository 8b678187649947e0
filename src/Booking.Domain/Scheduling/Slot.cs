namespace Booking.Domain.Scheduling;

/// <summary>A bookable time for one service at one clinic. Start and End are instants (UTC offset);
/// two slots of the same service never overlap.</summary>
public sealed record Slot(string ServiceCode, DateTimeOffset Start, DateTimeOffset End, int Capacity)
{
    public SlotKey Key => new(ServiceCode, Start);
}

/// <summary>Identity of a slot within a clinic: its service and its start instant.</summary>
public readonly record struct SlotKey(string ServiceCode, DateTimeOffset Start)
{
    public SlotKey Normalised() => new(ServiceCode, Start.ToUniversalTime());
}
