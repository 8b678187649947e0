using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;

namespace Booking.Domain.Tests;

public class ReschedulingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    private static Slot At(int hour, int capacity, string service = "FLU") =>
        new(service, Now.AddHours(hour), Now.AddHours(hour).AddMinutes(15), capacity);

    private static SeatAssignment Seat(Slot slot, int seat) => new(Guid.NewGuid(), slot.Key, seat);

    [Fact]
    public void Removing_a_booked_slot_is_a_conflict_naming_its_bookings()
    {
        var booked = At(2, 3);
        var seat = Seat(booked, 0);

        var conflict = Assert.Single(Rescheduling.Conflicts([booked, At(3, 3)], [At(3, 3)], [seat], Now));

        Assert.Equal(booked.Key, conflict.Slot);
        Assert.Equal(0, conflict.Capacity);
        Assert.Equal([seat.BookingId], conflict.BookingIds);
    }

    [Fact]
    public void Cutting_capacity_below_the_bookings_is_a_conflict_but_down_to_them_is_not()
    {
        var slot = At(2, 4);
        SeatAssignment[] seats = [Seat(slot, 0), Seat(slot, 3)];

        Assert.Empty(Rescheduling.Conflicts([slot], [slot with { Capacity = 2 }], seats, Now));
        var conflict = Assert.Single(Rescheduling.Conflicts([slot], [slot with { Capacity = 1 }], seats, Now));
        Assert.Equal((2, 1), (conflict.Booked, conflict.Capacity));
    }

    [Fact]
    public void Slots_already_started_and_bookings_left_out_before_the_change_stop_nothing()
    {
        var started = new Slot("FLU", Now.AddMinutes(-5), Now.AddMinutes(10), 2);
        var orphan = Seat(At(4, 1), 0);

        Assert.Empty(Rescheduling.Conflicts([started], [], [Seat(started, 0)], Now));
        Assert.Empty(Rescheduling.Conflicts([At(3, 1)], [], [orphan], Now));
    }

    [Fact]
    public void A_slot_starting_at_the_same_instant_in_another_service_is_another_slot()
    {
        var flu = At(2, 2);

        Assert.Single(Rescheduling.Conflicts([flu], [At(2, 2, "COVID19")], [Seat(flu, 0)], Now));
    }

    [Fact]
    public void Narrowing_keeps_only_slots_in_both_at_the_smaller_capacity()
    {
        var narrowed = Rescheduling.Narrowed([At(2, 4), At(3, 4)], [At(2, 6), At(3, 1), At(5, 9)]);

        Assert.Equal([At(2, 4), At(3, 1)], narrowed);
    }

    [Fact]
    public void Rescheduling_keeps_every_seat_and_the_holds_that_still_fit()
    {
        var kept = At(2, 2);
        var cut = At(3, 2);
        var seat = Seat(kept, 1);
        var inventory = new SlotInventory([kept, cut], [seat]);
        inventory.TryHold(kept.Key, "fits", Now, TenMinutes);
        inventory.TryHold(cut.Key, "gone", Now, TenMinutes);

        inventory.Reschedule([kept, At(5, 1)], Now);

        Assert.Equal(seat, inventory.FindSeat(seat.BookingId));
        Assert.NotNull(inventory.FindHold("fits"));
        Assert.Null(inventory.FindHold("gone"));
        Assert.True(inventory.HasExpired("gone"));
        Assert.Equal(0, inventory.Remaining(kept.Key, Now));
        Assert.Equal(1, inventory.Remaining(At(5, 1).Key, Now));
        Assert.IsType<HoldOutcome.NoSuchSlot>(inventory.TryHold(cut.Key, "late", Now, TenMinutes));
    }

    [Fact]
    public void A_hold_kept_through_a_reschedule_still_expires_and_still_confirms()
    {
        var slot = At(2, 2);
        var inventory = new SlotInventory([slot], []);
        inventory.TryHold(slot.Key, "a", Now, TenMinutes);
        inventory.TryHold(slot.Key, "b", Now, TenMinutes);

        inventory.Reschedule([slot with { Capacity = 3 }], Now);

        Assert.IsType<ClaimOutcome.Claimed>(inventory.ClaimSeat("a", Guid.NewGuid(), Now));
        Assert.IsType<ClaimOutcome.HoldExpired>(inventory.ClaimSeat("b", Guid.NewGuid(), Now + TenMinutes));
        Assert.Equal(2, inventory.Remaining(slot.Key, Now + TenMinutes));
    }

    [Fact]
    public void Holds_beyond_a_reduced_capacity_end_the_latest_expiring_first()
    {
        var slot = At(2, 3);
        var inventory = new SlotInventory([slot], []);
        inventory.TryHold(slot.Key, "first", Now, TenMinutes);
        inventory.TryHold(slot.Key, "second", Now.AddMinutes(1), TenMinutes);

        inventory.Reschedule([slot with { Capacity = 1 }], Now.AddMinutes(1));

        Assert.NotNull(inventory.FindHold("first"));
        Assert.True(inventory.HasExpired("second"));
    }

    [Fact]
    public void A_booking_whose_slot_is_removed_keeps_its_seat_and_can_still_be_cancelled()
    {
        var slot = At(2, 2);
        var seat = Seat(slot, 0);
        var inventory = new SlotInventory([slot], [seat]);

        inventory.Reschedule([], Now);

        Assert.Equal(seat, inventory.FindSeat(seat.BookingId));
        Assert.Empty(inventory.Availability("FLU", Now));
        Assert.True(inventory.ReleaseSeat(seat.BookingId));
    }
}

public class ScheduleDifferenceTests
{
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static LocationSchedule Schedule(int capacity, params ScheduleException[] exceptions) => new(Montreal,
        [new WeeklyOpening("FLU", DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0), 15, capacity, Monday, null)], exceptions);

    [Fact]
    public void A_template_change_touches_each_of_its_weekdays_and_nothing_else()
    {
        var days = ScheduleDifference.ChangedDays(Schedule(2), Schedule(3), Monday, Monday.AddDays(20));

        Assert.Equal([Monday, Monday.AddDays(7), Monday.AddDays(14)], days);
    }

    [Fact]
    public void An_exception_touches_its_date_only_and_one_that_changes_no_slot_touches_none()
    {
        var closed = new ScheduleException(null, Monday.AddDays(7), ScheduleExceptionKind.Closed);
        var onATuesday = new ScheduleException(null, Monday.AddDays(1), ScheduleExceptionKind.Closed);

        Assert.Equal([Monday.AddDays(7)], ScheduleDifference.ChangedDays(Schedule(2), Schedule(2, closed), Monday, Monday.AddDays(20)));
        Assert.Empty(ScheduleDifference.ChangedDays(Schedule(2), Schedule(2, onATuesday), Monday, Monday.AddDays(20)));
    }
}
