using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Booking.Domain.Tests;

/// <summary>Random interleavings of every inventory operation never put more people in a slot than it has seats.</summary>
public class SlotInventoryProperties
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private enum Op { Hold, Release, Claim, Cancel, Wait }

    private static Arbitrary<(int Capacity, List<(Op Op, int Slot, int Pick)> Ops)> Scripts() =>
        (from capacity in Gen.Choose(1, 5)
         from length in Gen.Choose(1, 200)
         from ops in (from op in Gen.Elements(Op.Hold, Op.Hold, Op.Hold, Op.Release, Op.Claim, Op.Claim, Op.Cancel, Op.Wait)
                      from slot in Gen.Choose(0, 2)
                      from pick in Gen.Choose(0, 1000)
                      select (op, slot, pick)).ListOf(length)
         select (capacity, ops.ToList())).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Seats_plus_live_holds_never_exceed_capacity_and_seats_are_unique() =>
        Prop.ForAll(Scripts(), script =>
        {
            var slots = Enumerable.Range(0, 3).Select(i => new Slot("FLU", Start.AddHours(1 + i), Start.AddHours(1 + i).AddMinutes(10), script.Capacity)).ToList();
            var inventory = new SlotInventory(slots, []);
            var now = Start;
            var holds = new List<string>();
            var bookings = new Dictionary<Guid, SeatAssignment>();
            var next = 0;

            foreach (var (op, slot, pick) in script.Ops)
            {
                switch (op)
                {
                    case Op.Hold:
                        if (inventory.TryHold(slots[slot].Key, $"h{next}", now, TimeSpan.FromMinutes(10)) is HoldOutcome.Held)
                            holds.Add($"h{next}");
                        next++;
                        break;
                    case Op.Release when holds.Count > 0:
                        inventory.ReleaseHold(holds[pick % holds.Count]);
                        break;
                    case Op.Claim when holds.Count > 0:
                        var id = Guid.NewGuid();
                        if (inventory.ClaimSeat(holds[pick % holds.Count], id, now) is ClaimOutcome.Claimed)
                            bookings[id] = inventory.FindSeat(id)!.Value;
                        break;
                    case Op.Cancel when bookings.Count > 0:
                        var cancelled = bookings.Keys.ElementAt(pick % bookings.Count);
                        inventory.ReleaseSeat(cancelled);
                        bookings.Remove(cancelled);
                        break;
                    case Op.Wait:
                        now += TimeSpan.FromMinutes(pick % 7);
                        break;
                }

                foreach (var s in slots)
                {
                    var seats = bookings.Values.Where(b => b.Slot == s.Key).Select(b => b.Seat).ToList();
                    var liveHolds = holds.Select(inventory.FindHold).Count(h => h is not null && h.Slot.Key == s.Key && h.ExpiresAt > now);
                    if (seats.Count + liveHolds > s.Capacity || seats.Distinct().Count() != seats.Count || seats.Any(x => x < 0 || x >= s.Capacity))
                        return false;
                    if (s.Start > now && inventory.Remaining(s.Key, now) != s.Capacity - seats.Count - liveHolds)
                        return false;
                }
            }
            return true;
        });
}
