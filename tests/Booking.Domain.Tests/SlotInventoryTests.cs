using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;

namespace Booking.Domain.Tests;

public class SlotInventoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private static readonly Slot Nine = new("FLU", Now.AddHours(2), Now.AddHours(2).AddMinutes(15), 2);

    private static SlotInventory Inventory(params SeatAssignment[] taken) => new([Nine], taken);

    [Fact]
    public void Hold_fails_when_slot_is_full()
    {
        var inventory = Inventory();

        Assert.IsType<HoldOutcome.Held>(inventory.TryHold(Nine.Key, "a", Now, TenMinutes));
        Assert.IsType<HoldOutcome.Held>(inventory.TryHold(Nine.Key, "b", Now, TenMinutes));
        Assert.IsType<HoldOutcome.Full>(inventory.TryHold(Nine.Key, "c", Now, TenMinutes));
        Assert.Equal(0, inventory.Remaining(Nine.Key, Now));
    }

    [Fact]
    public void Seats_already_booked_in_the_database_count_against_capacity()
    {
        var inventory = Inventory(new SeatAssignment(Guid.NewGuid(), Nine.Key, 0));

        Assert.IsType<HoldOutcome.Held>(inventory.TryHold(Nine.Key, "a", Now, TenMinutes));
        Assert.IsType<HoldOutcome.Full>(inventory.TryHold(Nine.Key, "b", Now, TenMinutes));
    }

    [Fact]
    public void An_expired_hold_frees_its_place_and_cannot_be_confirmed()
    {
        var inventory = Inventory();
        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);
        inventory.TryHold(Nine.Key, "b", Now, TenMinutes);
        var later = Now + TenMinutes;

        Assert.Equal(2, inventory.Remaining(Nine.Key, later));
        Assert.IsType<ClaimOutcome.HoldExpired>(inventory.ClaimSeat("a", Guid.NewGuid(), later));
        Assert.True(inventory.HasExpired("b"));
    }

    [Fact]
    public void A_hold_never_granted_here_is_unknown_not_expired()
    {
        var inventory = Inventory();

        Assert.IsType<ClaimOutcome.UnknownHold>(inventory.ClaimSeat("never", Guid.NewGuid(), Now));
        Assert.False(inventory.HasExpired("never"));
    }

    [Fact]
    public void Expired_holds_are_forgotten_after_an_hour()
    {
        var inventory = Inventory();
        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);
        inventory.PurgeExpiredHolds(Now + TenMinutes);

        inventory.PurgeExpiredHolds(Now + TenMinutes + SlotInventory.ExpiredHoldMemory + TimeSpan.FromSeconds(1));

        Assert.False(inventory.HasExpired("a"));
    }

    [Fact]
    public void Every_change_is_reported_once_per_service_whoever_noticed_it()
    {
        var covid = new Slot("COVID19", Nine.Start, Nine.End, 5);
        var inventory = new SlotInventory([Nine, covid], []);
        Assert.Equal(["COVID19", "FLU"], inventory.TakeChangedServices().Order());

        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);
        inventory.TryHold(Nine.Key, "b", Now, TenMinutes);
        Assert.Equal(["FLU"], inventory.TakeChangedServices());
        Assert.Empty(inventory.TakeChangedServices());

        // An expiry noticed by a read, not by a sweep, must still be published.
        inventory.Remaining(covid.Key, Now + TenMinutes);
        Assert.Equal(["FLU"], inventory.TakeChangedServices());
    }

    [Fact]
    public void A_hold_claimed_after_its_expiry_but_before_the_sweep_is_refused()
    {
        var inventory = Inventory();
        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);

        Assert.IsType<ClaimOutcome.HoldExpired>(inventory.ClaimSeat("a", Guid.NewGuid(), Now + TenMinutes));
        Assert.Equal(2, inventory.Remaining(Nine.Key, Now));
    }

    [Fact]
    public void Confirmed_holds_get_distinct_seats_below_capacity()
    {
        var inventory = Inventory();
        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);
        inventory.TryHold(Nine.Key, "b", Now, TenMinutes);

        var first = Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("a", Guid.NewGuid(), Now));
        var second = Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("b", Guid.NewGuid(), Now));

        Assert.Equal([0, 1], new[] { first.Seat, second.Seat }.Order());
        Assert.Equal(0, inventory.Remaining(Nine.Key, Now));
    }

    [Fact]
    public void Releasing_a_seat_reopens_it_for_the_next_hold()
    {
        var booking = Guid.NewGuid();
        var inventory = Inventory(new SeatAssignment(booking, Nine.Key, 0), new SeatAssignment(Guid.NewGuid(), Nine.Key, 1));

        Assert.True(inventory.ReleaseSeat(booking));
        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);
        var claimed = Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("a", Guid.NewGuid(), Now));

        Assert.Equal(0, claimed.Seat);
    }

    [Fact]
    public void A_seat_given_back_to_its_hold_leaves_the_hold_live_until_its_own_expiry()
    {
        var inventory = Inventory();
        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);
        inventory.TryHold(Nine.Key, "b", Now, TenMinutes);
        var booking = Guid.NewGuid();
        var claimed = Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("a", booking, Now));

        inventory.ReturnToHold(booking, claimed.Hold, Now.AddMinutes(1));

        Assert.Null(inventory.FindSeat(booking));
        Assert.Equal(Now + TenMinutes, inventory.FindHold("a")?.ExpiresAt);
        Assert.Equal(0, inventory.Remaining(Nine.Key, Now.AddMinutes(1)));
        Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("a", Guid.NewGuid(), Now.AddMinutes(2)));
        Assert.IsType<HoldOutcome.Full>(inventory.TryHold(Nine.Key, "c", Now.AddMinutes(2), TenMinutes));
    }

    [Fact]
    public void A_seat_given_back_after_its_hold_ran_out_frees_the_place_and_the_hold_reads_as_expired()
    {
        var inventory = Inventory();
        inventory.TryHold(Nine.Key, "a", Now, TenMinutes);
        var booking = Guid.NewGuid();
        var claimed = Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("a", booking, Now));

        inventory.ReturnToHold(booking, claimed.Hold, Now + TenMinutes);

        Assert.Null(inventory.FindHold("a"));
        Assert.True(inventory.HasExpired("a"));
        Assert.IsType<ClaimOutcome.HoldExpired>(inventory.ClaimSeat("a", Guid.NewGuid(), Now + TenMinutes));
        Assert.Equal(2, inventory.Remaining(Nine.Key, Now + TenMinutes));
    }

    [Fact]
    public void Holds_on_unknown_or_started_slots_are_refused()
    {
        var inventory = Inventory();

        Assert.IsType<HoldOutcome.NoSuchSlot>(inventory.TryHold(new SlotKey("FLU", Now.AddHours(3)), "a", Now, TenMinutes));
        Assert.IsType<HoldOutcome.NoSuchSlot>(inventory.TryHold(new SlotKey("COVID19", Nine.Start), "a", Now, TenMinutes));
        Assert.IsType<HoldOutcome.SlotStarted>(inventory.TryHold(Nine.Key, "a", Nine.Start, TenMinutes));
    }

    [Fact]
    public void A_booking_in_a_slot_the_schedule_dropped_can_still_be_released_but_nothing_new_is_offered()
    {
        var orphan = new SeatAssignment(Guid.NewGuid(), new SlotKey("FLU", Now.AddHours(5)), 0);
        var inventory = Inventory(orphan);

        Assert.IsType<HoldOutcome.NoSuchSlot>(inventory.TryHold(orphan.Slot, "a", Now, TenMinutes));
        Assert.DoesNotContain(inventory.Availability("FLU", Now), s => s.Start == orphan.Slot.Start);
        Assert.True(inventory.ReleaseSeat(orphan.BookingId));
    }

    [Fact]
    public void Moving_within_the_day_keeps_the_new_seat_and_frees_the_old_one()
    {
        var booking = Guid.NewGuid();
        var ten = Nine with { Start = Nine.Start.AddHours(1), End = Nine.End.AddHours(1) };
        var inventory = new SlotInventory([Nine, ten], [new SeatAssignment(booking, Nine.Key, 0)]);
        inventory.TryHold(ten.Key, "move", Now, TenMinutes);
        var claimId = Guid.NewGuid();
        inventory.ClaimSeat("move", claimId, Now);

        inventory.TransferSeat(claimId, booking);

        Assert.Equal(ten.Key, inventory.FindSeat(booking)!.Value.Slot);
        Assert.Null(inventory.FindSeat(claimId));
        Assert.Equal(2, inventory.Remaining(Nine.Key, Now));
        Assert.Equal(1, inventory.Remaining(ten.Key, Now));
    }

    [Fact]
    public void Availability_lists_future_slots_with_what_is_left()
    {
        var inventory = Inventory(new SeatAssignment(Guid.NewGuid(), Nine.Key, 1));

        var free = Assert.Single(inventory.Availability("FLU", Now));

        Assert.Equal(1, free.Remaining);
        Assert.Empty(inventory.Availability("FLU", Nine.Start));
    }

    [Fact]
    public void Availability_keeps_a_full_slot_with_nothing_left_and_its_capacity()
    {
        var inventory = Inventory(new SeatAssignment(Guid.NewGuid(), Nine.Key, 0), new SeatAssignment(Guid.NewGuid(), Nine.Key, 1));

        var full = Assert.Single(inventory.Availability("FLU", Now));

        Assert.Equal((0, 2), (full.Remaining, full.Capacity));
    }

    [Fact]
    public void Availability_lists_one_services_slots_by_start_whatever_order_the_schedule_gave()
    {
        var slots = new[] { 3, 1, 4, 0, 2 }.Select(hour => new Slot("FLU", Now.AddHours(hour + 1), Now.AddHours(hour + 1).AddMinutes(15), 1))
            .Append(new Slot("COVID19", Now.AddHours(1).AddMinutes(30), Now.AddHours(1).AddMinutes(45), 1))
            .Append(new Slot("FLU", Now.AddHours(6), Now.AddHours(6).AddMinutes(15), 0));
        var inventory = new SlotInventory(slots, []);

        var starts = inventory.Availability("FLU", Now).Select(s => s.Start).ToList();

        Assert.Equal(Enumerable.Range(1, 5).Select(hour => Now.AddHours(hour)), starts);
    }
}
