using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;

namespace Booking.Domain.Tests;

/// <summary>Walk-ins take the slot under way, else the next with room, and never more than the clinic's extra seats
/// beyond capacity.</summary>
public sealed class WalkInTests
{
    private static readonly DateTimeOffset Nine = new(2027, 3, 15, 13, 0, 0, TimeSpan.Zero);

    private static SlotInventory TwoSeatSlots(params SeatAssignment[] taken) => new(
        Enumerable.Range(0, 3).Select(i => new Slot("FLU", Nine.AddMinutes(10 * i), Nine.AddMinutes(10 * i + 10), 2)), taken);

    [Fact]
    public void A_walk_in_takes_the_slot_under_way_when_it_has_room()
    {
        var inventory = TwoSeatSlots();

        var seated = Assert.IsType<WalkInOutcome.Seated>(inventory.SeatWalkIn("FLU", Guid.NewGuid(), Nine.AddMinutes(5), 0));

        Assert.Equal(Nine, seated.Slot.Start);
        Assert.Equal(0, seated.Seat);
        Assert.Equal(2, seated.SeatBound);
    }

    [Fact]
    public void A_full_slot_under_way_sends_the_walk_in_to_the_next_slot_with_room()
    {
        var inventory = TwoSeatSlots(new(Guid.NewGuid(), new SlotKey("FLU", Nine), 0), new(Guid.NewGuid(), new SlotKey("FLU", Nine), 1));
        Assert.IsType<HoldOutcome.Held>(inventory.TryHold(new SlotKey("FLU", Nine.AddMinutes(10)), "h1", Nine, TimeSpan.FromMinutes(15)));
        Assert.IsType<HoldOutcome.Held>(inventory.TryHold(new SlotKey("FLU", Nine.AddMinutes(10)), "h2", Nine, TimeSpan.FromMinutes(15)));

        var seated = Assert.IsType<WalkInOutcome.Seated>(inventory.SeatWalkIn("FLU", Guid.NewGuid(), Nine.AddMinutes(5), 0));

        Assert.Equal(Nine.AddMinutes(20), seated.Slot.Start);
    }

    [Fact]
    public void Extra_seats_let_walk_ins_past_capacity_by_that_much_and_no_more()
    {
        var inventory = new SlotInventory([new Slot("FLU", Nine, Nine.AddMinutes(10), 2)], []);
        var now = Nine.AddMinutes(1);

        var outcomes = Enumerable.Range(0, 5).Select(_ => inventory.SeatWalkIn("FLU", Guid.NewGuid(), now, 1)).ToList();

        Assert.Equal([0, 1, 2], outcomes.OfType<WalkInOutcome.Seated>().Select(s => s.Seat));
        Assert.All(outcomes.OfType<WalkInOutcome.Seated>(), s => Assert.True(s.Seat < s.SeatBound));
        Assert.Equal(2, outcomes.Count(o => o is WalkInOutcome.NoRoom));
        Assert.Equal(0, inventory.Remaining(new SlotKey("FLU", Nine), now));
    }

    [Fact]
    public void No_walk_in_is_seated_once_the_days_slots_have_ended()
    {
        var inventory = TwoSeatSlots();

        Assert.IsType<WalkInOutcome.NoRoom>(inventory.SeatWalkIn("FLU", Guid.NewGuid(), Nine.AddMinutes(30), 3));
    }
}
