using Booking.Domain.Bulk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Booking.Domain.Tests;

/// <summary>Where a bulk move or offer places bookings: never more in a slot than it has free, the preferred days
/// first, the time of day kept when it can, and for an offer only earlier slots.</summary>
public class BulkPlacementTests
{
    private static readonly Guid Here = Guid.NewGuid(), Nearest = Guid.NewGuid();
    private static readonly DateOnly Day = new(2027, 3, 15);

    private static CandidateSlot Slot(DateOnly date, int hour, int free) =>
        new(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(-4)), new TimeOnly(hour, 0), free);

    private static BookingToPlace Booking(int hour, DateTimeOffset? before = null) =>
        new(Guid.NewGuid(), "FLU", Day.ToDateTime(new TimeOnly(hour, 0)), before);

    [Fact]
    public void The_first_day_with_room_is_taken_and_the_time_of_day_is_kept_when_it_can()
    {
        var placement = new BulkPlacement([
            new CandidateDay(Here, Day.AddDays(1), "FLU", [Slot(Day.AddDays(1), 9, 1), Slot(Day.AddDays(1), 14, 1)]),
            new CandidateDay(Nearest, Day, "FLU", [Slot(Day, 14, 5)]),
        ]);

        var placed = placement.Place([Booking(14), Booking(14), Booking(14)]);

        Assert.Equal([(Here, 14), (Here, 9), (Nearest, 14)], placed.Select(p => (p.LocationId, p.Start.Hour)));
    }

    [Fact]
    public void A_booking_of_another_service_or_with_no_room_left_is_not_placed()
    {
        var placement = new BulkPlacement([new CandidateDay(Here, Day, "COVID19", [Slot(Day, 9, 3)]), new CandidateDay(Here, Day, "FLU", [Slot(Day, 9, 1)])]);

        var placed = placement.Place([Booking(9), Booking(9)]);

        Assert.Single(placed);
    }

    [Fact]
    public void An_offer_only_takes_a_slot_earlier_than_the_booking()
    {
        var placement = new BulkPlacement([new CandidateDay(Here, Day, "FLU", [Slot(Day, 10, 1), Slot(Day, 8, 1)])]);
        var booking = Booking(10, before: Slot(Day, 9, 0).Start);

        var placed = placement.Place([booking, Booking(11, before: Slot(Day, 8, 0).Start)]);

        Assert.Equal(8, Assert.Single(placed).Start.Hour);
    }

    [Property(MaxTest = 200)]
    public Property No_slot_gets_more_bookings_than_it_had_free() =>
        Prop.ForAll(
            (from slotCount in Gen.Choose(1, 12)
             from frees in Gen.Choose(0, 4).ListOf(slotCount)
             from count in Gen.Choose(0, 60)
             from hours in Gen.Choose(7, 19).ListOf(count)
             select (frees.ToList(), hours.ToList())).ToArbitrary(),
            script =>
            {
                var (frees, hours) = script;
                var slots = frees.Select((free, i) => Slot(Day.AddDays(i / 4), 8 + i % 4, free)).ToList();
                var days = slots.GroupBy(s => s.Start.Date).Select(g => new CandidateDay(Here, DateOnly.FromDateTime(g.Key), "FLU", g.ToList()));

                var placed = new BulkPlacement(days).Place(hours.Select(h => Booking(h)).ToList());

                var perSlot = placed.GroupBy(p => p.Start).ToDictionary(g => g.Key, g => g.Count());
                return placed.Count == Math.Min(hours.Count, frees.Sum())
                    && slots.All(s => perSlot.GetValueOrDefault(s.Start) <= s.Free)
                    && placed.Select(p => p.BookingId).Distinct().Count() == placed.Count;
            });
}
