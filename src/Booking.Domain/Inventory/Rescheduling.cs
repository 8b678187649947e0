using Booking.Domain.Scheduling;

namespace Booking.Domain.Inventory;

/// <summary>A slot whose bookings a schedule change would leave without a seat: the slot is gone
/// (<see cref="Capacity"/> 0) or now has fewer seats than it has bookings.</summary>
public sealed record BrokenSlot(SlotKey Slot, int Booked, int Capacity, IReadOnlyList<Guid> BookingIds);

/// <summary>What a change of a clinic-day's slots may do to the bookings it already has. Shared by the clinic-day
/// grain (its seats in memory) and the staff site (the bookings in PostgreSQL), so both refuse exactly the same changes.</summary>
public static class Rescheduling
{
    /// <summary>
    /// The slots, not yet started, where the proposed slots seat fewer of the bookings than the current ones do. A
    /// booking left out already (its slot was removed before) does not stop a change that does not make it worse.
    /// </summary>
    public static IReadOnlyList<BrokenSlot> Conflicts(IEnumerable<Slot> current, IEnumerable<Slot> proposed, IEnumerable<SeatAssignment> seats,
        DateTimeOffset now)
    {
        var currentCapacity = CapacityBySlot(current);
        var proposedCapacity = CapacityBySlot(proposed);
        return seats
            .GroupBy(s => s.Slot.Normalised())
            .Where(slot => slot.Key.Start > now)
            .Select(slot => (Slot: slot.Key, Bookings: slot.Select(s => s.BookingId).Order().ToList(),
                Current: currentCapacity.GetValueOrDefault(slot.Key), Proposed: proposedCapacity.GetValueOrDefault(slot.Key)))
            .Where(s => s.Bookings.Count > s.Proposed && s.Proposed < s.Current)
            .OrderBy(s => s.Slot.Start).ThenBy(s => s.Slot.ServiceCode, StringComparer.Ordinal)
            .Select(s => new BrokenSlot(s.Slot, s.Bookings.Count, s.Proposed, s.Bookings))
            .ToList();
    }

    /// <summary>
    /// What a clinic-day offers while a change is being saved: only what both the current and the proposed slots allow
    /// (slots in both, at the smaller capacity). Whether the change then commits or not, widening from here to either
    /// schedule never puts a booking in a slot that is not there.
    /// </summary>
    public static IReadOnlyList<Slot> Narrowed(IEnumerable<Slot> current, IEnumerable<Slot> proposed)
    {
        var proposedCapacity = CapacityBySlot(proposed);
        return current
            .Where(slot => proposedCapacity.ContainsKey(slot.Key.Normalised()))
            .Select(slot => slot with { Capacity = Math.Min(slot.Capacity, proposedCapacity[slot.Key.Normalised()]) })
            .ToList();
    }

    private static Dictionary<SlotKey, int> CapacityBySlot(IEnumerable<Slot> slots)
    {
        var capacities = new Dictionary<SlotKey, int>();
        foreach (var slot in slots)
            capacities[slot.Key.Normalised()] = slot.Capacity;
        return capacities;
    }
}
