using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Booking.Grains.Inventory;

namespace Booking.Silo.Inventory;

/// <summary>
/// What a clinic-day offers while a change to its schedule is being saved: only what both its committed and the
/// proposed schedule allow, so that whether the change then commits or not, no booking is made that it would strand.
/// Lasts until the clinic-day is told the outcome, or the proposal's time runs out.
/// </summary>
internal sealed class ScheduleNarrowing
{
    private (Guid ChangeId, IReadOnlyList<Slot> Proposed, DateTimeOffset Until)? _current;

    /// <summary>Woken while a change is under way, before any proposal reached it: offer nothing until told.</summary>
    public void Begin(Guid changeId, DateTimeOffset until) => _current = (changeId, [], until);

    /// <summary>Narrows <paramref name="inventory"/> to the proposal when every seat fits it; otherwise changes nothing and
    /// returns the slots whose bookings would be stranded. Synchronous: no hold or confirmation comes in between.</summary>
    public IReadOnlyList<StrandedSlot> Propose(SlotInventory inventory, ScheduleProposal proposal, DateTimeOffset now)
    {
        var proposed = proposal.Slots.Select(s => new Slot(s.ServiceCode, s.Start, s.End, s.Capacity)).ToList();
        var stranded = Rescheduling.Conflicts(inventory.Slots, proposed, inventory.Seats, now);
        if (stranded.Count > 0)
            return stranded.Select(s => new StrandedSlot(s.Slot.ServiceCode, s.Slot.Start, s.Booked, s.Capacity, s.BookingIds)).ToList();
        _current = (proposal.ChangeId, proposed, proposal.Until);
        inventory.Reschedule(Rescheduling.Narrowed(inventory.Slots, proposed), now);
        return [];
    }

    public bool RanOut(DateTimeOffset now) => _current is { } current && now >= current.Until;

    /// <summary>Ends the narrowing of <paramref name="settled"/>, or of a change whose time ran out; not one proposed since.</summary>
    public void End(Guid? settled, DateTimeOffset now)
    {
        if (_current is { } current && (current.ChangeId == settled || now >= current.Until))
            _current = null;
    }

    /// <summary>The committed schedule's slots, narrowed while a change is under way.</summary>
    public IReadOnlyList<Slot> Offered(IReadOnlyList<Slot> committed) =>
        _current is { } current ? Rescheduling.Narrowed(committed, current.Proposed) : committed;
}
