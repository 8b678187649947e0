namespace Booking.Grains.Inventory;

/// <summary>A slot of a proposed schedule for one clinic-day, as the slot engine lays it out.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.ProposedSlot")]
public sealed record ProposedSlot(string ServiceCode, DateTimeOffset Start, DateTimeOffset End, int Capacity);

/// <summary>A schedule change being saved for a clinic-day: its slots if it commits, and until when the clinic-day
/// waits to be told the outcome before reading its schedule again on its own.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.ScheduleProposal")]
public sealed record ScheduleProposal(Guid ChangeId, IReadOnlyList<ProposedSlot> Slots, DateTimeOffset Until);

/// <summary>A slot whose bookings a proposed schedule would leave without a seat (<see cref="Capacity"/> 0: the slot is gone).</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.StrandedSlot")]
public sealed record StrandedSlot(string ServiceCode, DateTimeOffset Start, int Booked, int Capacity, IReadOnlyList<Guid> BookingIds);
