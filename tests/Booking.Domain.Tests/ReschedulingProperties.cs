using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Booking.Domain.Tests;

/// <summary>Holds, confirmations and schedule changes in any order: a change applied only when
/// <see cref="Rescheduling.Conflicts"/> finds none never leaves a booking without a seat, and never lets a slot
/// take more people than it has.</summary>
public class ReschedulingProperties
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private enum Op { Hold, Claim, Cancel, Reschedule }

    private static Arbitrary<List<(Op Op, int Slot, int Pick, int[] Capacities)>> Scripts() =>
        (from op in Gen.Elements(Op.Hold, Op.Hold, Op.Claim, Op.Claim, Op.Cancel, Op.Reschedule)
         from slot in Gen.Choose(0, 2)
         from pick in Gen.Choose(0, 1000)
         from capacities in Gen.Choose(0, 4).ArrayOf(3)
         select (op, slot, pick, capacities)).ListOf().Select(ops => ops.ToList()).ToArbitrary();

    private static Slot SlotAt(int index, int capacity) =>
        new("FLU", Start.AddHours(1 + index), Start.AddHours(1 + index).AddMinutes(10), capacity);

    [Property(MaxTest = 300)]
    public Property Accepted_changes_never_strand_a_booking_or_overfill_a_slot() =>
        Prop.ForAll(Scripts(), script =>
        {
            var slots = Enumerable.Range(0, 3).Select(i => SlotAt(i, 2)).ToList();
            var inventory = new SlotInventory(slots, []);
            var holds = new List<string>();
            var bookings = new HashSet<Guid>();
            foreach (var (op, slot, pick, capacities) in script)
            {
                switch (op)
                {
                    case Op.Hold:
                        var holdId = $"h{holds.Count}";
                        if (inventory.TryHold(SlotAt(slot, 0).Key, holdId, Start, TimeSpan.FromMinutes(10)) is HoldOutcome.Held)
                            holds.Add(holdId);
                        break;
                    case Op.Claim when holds.Count > 0:
                        var id = Guid.NewGuid();
                        if (inventory.ClaimSeat(holds[pick % holds.Count], id, Start) is ClaimOutcome.Claimed)
                            bookings.Add(id);
                        break;
                    case Op.Cancel when bookings.Count > 0:
                        var cancelled = bookings.ElementAt(pick % bookings.Count);
                        inventory.ReleaseSeat(cancelled);
                        bookings.Remove(cancelled);
                        break;
                    case Op.Reschedule:
                        var proposed = capacities.Select((c, i) => SlotAt(i, c)).Where(s => s.Capacity > 0).ToList();
                        if (Rescheduling.Conflicts(inventory.Slots, proposed, inventory.Seats, Start).Count == 0)
                        {
                            inventory.Reschedule(proposed, Start);
                            slots = proposed;
                        }
                        break;
                }

                var offered = slots.ToDictionary(s => s.Key, s => s.Capacity);
                var seated = bookings.Select(b => inventory.FindSeat(b)!.Value).GroupBy(s => s.Slot).ToList();
                if (seated.Any(g => !offered.TryGetValue(g.Key, out var capacity) || g.Count() > capacity))
                    return false;
                var live = holds.Select(inventory.FindHold).OfType<Hold>().GroupBy(h => h.Slot.Key);
                if (live.Any(g => g.Count() + seated.Where(s => s.Key == g.Key).Sum(s => s.Count()) > offered.GetValueOrDefault(g.Key)))
                    return false;
            }
            return true;
        });
}
