using Booking.Domain.Scheduling;

namespace Booking.Domain.Inventory;

public sealed record Hold(string HoldId, Slot Slot, DateTimeOffset ExpiresAt);

public abstract record HoldOutcome
{
    public sealed record Held(Hold Hold) : HoldOutcome;
    public sealed record Full : HoldOutcome;
    public sealed record NoSuchSlot : HoldOutcome;
    public sealed record SlotStarted : HoldOutcome;
}

public abstract record ClaimOutcome
{
    /// <summary><paramref name="Hold"/> is the hold the seat was claimed with, ended by the claim.</summary>
    public sealed record Claimed(Slot Slot, int Seat, Hold Hold) : ClaimOutcome;
    public sealed record HoldExpired : ClaimOutcome;
    public sealed record UnknownHold : ClaimOutcome;
}

/// <summary>A seat of a slot taken by a booking (confirmed, or being committed).</summary>
public readonly record struct SeatAssignment(Guid BookingId, SlotKey Slot, int Seat);

/// <summary>A bookable slot: the seats it has left (0 once full) out of its capacity.</summary>
public readonly record struct SlotAvailability(DateTimeOffset Start, DateTimeOffset End, int Remaining, int Capacity);
