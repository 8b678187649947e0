using Booking.Domain.Scheduling;

namespace Booking.Domain.Inventory;

/// <summary>Where a walk-in was seated. <see cref="SeatBound"/> is the slot's capacity plus the clinic's extra seats for
/// walk-ins: the seat is below it, and the database's seat guard checks the row against it.</summary>
public abstract record WalkInOutcome
{
    public sealed record Seated(Slot Slot, int Seat, int SeatBound) : WalkInOutcome;

    /// <summary>No slot of the service under way or later today has room, extra seats included.</summary>
    public sealed record NoRoom : WalkInOutcome;
}
