using System.Globalization;
using Booking.Domain.Scheduling;

namespace Booking.Domain.Tests;

public class SlotGeneratorTests
{
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static WeeklyOpening Opening(DayOfWeek day, int opens, int closes, int minutes = 30, int capacity = 2, string service = "FLU") =>
        new(service, day, new TimeOnly(opens, 0), new TimeOnly(closes, 0), minutes, capacity, new DateOnly(2026, 1, 1), null);

    private static IReadOnlyList<Slot> Slots(DateOnly date, IReadOnlyList<WeeklyOpening> template, params ScheduleException[] exceptions) =>
        SlotGenerator.SlotsOn(new LocationSchedule(Montreal, template, exceptions), date);

    private static string LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Montreal).ToString("HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public void Opening_hours_are_cut_into_equal_slots_with_the_template_capacity()
    {
        var slots = Slots(Monday, [Opening(DayOfWeek.Monday, 8, 12, minutes: 20, capacity: 4)]);

        Assert.Equal(12, slots.Count);
        Assert.Equal("08:00", LocalTime(slots[0].Start));
        Assert.Equal("11:40", LocalTime(slots[^1].Start));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(20), s.End - s.Start));
        Assert.All(slots, s => Assert.Equal(4, s.Capacity));
    }

    [Fact]
    public void A_window_that_does_not_divide_evenly_drops_the_last_partial_slot()
    {
        var slots = Slots(Monday, [Opening(DayOfWeek.Monday, 8, 9, minutes: 25)]);

        Assert.Equal(["08:00", "08:25"], slots.Select(s => LocalTime(s.Start)));
    }

    [Fact]
    public void Other_weekdays_and_dates_outside_the_validity_range_have_no_slots()
    {
        var opening = Opening(DayOfWeek.Monday, 8, 12) with { ValidFrom = Monday.AddDays(7) };

        Assert.Empty(Slots(Monday.AddDays(1), [Opening(DayOfWeek.Monday, 8, 12)]));
        Assert.Empty(Slots(Monday, [opening]));
        Assert.NotEmpty(Slots(Monday.AddDays(7), [opening]));
    }

    [Fact]
    public void Spring_forward_skips_the_hour_that_does_not_exist()
    {
        var dstSunday = new DateOnly(2027, 3, 14); // 02:00 jumps to 03:00 in Montréal

        var slots = Slots(dstSunday, [Opening(DayOfWeek.Sunday, 1, 4)]);

        Assert.Equal(["01:00", "01:30", "03:00", "03:30"], slots.Select(s => LocalTime(s.Start)));
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
    }

    [Fact]
    public void Fall_back_offers_each_wall_clock_time_once_without_overlap()
    {
        var fallSunday = new DateOnly(2026, 11, 1); // 02:00 goes back to 01:00 in Montréal

        var slots = Slots(fallSunday, [Opening(DayOfWeek.Sunday, 0, 3)]);

        Assert.Equal(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30"], slots.Select(s => LocalTime(s.Start)));
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
    }

    [Fact]
    public void A_closure_for_the_whole_clinic_removes_every_service()
    {
        var template = new[] { Opening(DayOfWeek.Monday, 8, 12), Opening(DayOfWeek.Monday, 8, 12, service: "COVID19") };

        var slots = Slots(Monday, template, new ScheduleException(null, Monday, ScheduleExceptionKind.Closed));

        Assert.Empty(slots);
    }

    [Fact]
    public void A_closure_for_one_service_leaves_the_others_open()
    {
        var template = new[] { Opening(DayOfWeek.Monday, 8, 12), Opening(DayOfWeek.Monday, 8, 12, service: "COVID19") };

        var slots = Slots(Monday, template, new ScheduleException("FLU", Monday, ScheduleExceptionKind.Closed));

        Assert.All(slots, s => Assert.Equal("COVID19", s.ServiceCode));
        Assert.Equal(8, slots.Count);
    }

    [Fact]
    public void A_closure_for_some_hours_removes_the_slots_it_touches_and_keeps_the_rest()
    {
        var template = new[] { Opening(DayOfWeek.Monday, 8, 12, minutes: 30) };
        var lunch = new ScheduleException(null, Monday, ScheduleExceptionKind.Closed, new TimeOnly(9, 45), new TimeOnly(11, 0));

        var slots = Slots(Monday, template, lunch);

        Assert.Equal(["08:00", "08:30", "09:00", "11:00", "11:30"], slots.Select(s => LocalTime(s.Start)));
    }

    [Fact]
    public void A_capacity_change_applies_to_that_date_only_and_the_service_specific_one_wins()
    {
        var template = new[] { Opening(DayOfWeek.Monday, 8, 10, capacity: 2) };
        var clinicWide = new ScheduleException(null, Monday, ScheduleExceptionKind.Capacity, Capacity: 5);
        var forFlu = new ScheduleException("FLU", Monday, ScheduleExceptionKind.Capacity, Capacity: 7);

        Assert.All(Slots(Monday, template, clinicWide), s => Assert.Equal(5, s.Capacity));
        Assert.All(Slots(Monday, template, clinicWide, forFlu), s => Assert.Equal(7, s.Capacity));
        Assert.All(Slots(Monday.AddDays(7), template, clinicWide), s => Assert.Equal(2, s.Capacity));
    }

    [Fact]
    public void Extra_hours_open_a_closed_day_and_replace_the_template_slots_they_overlap()
    {
        var template = new[] { Opening(DayOfWeek.Monday, 8, 10, minutes: 30, capacity: 2) };
        var extra = new ScheduleException("FLU", Monday, ScheduleExceptionKind.ExtraHours, new TimeOnly(9, 0), new TimeOnly(11, 0), 60, 10);

        var withTemplate = Slots(Monday, template, extra);
        var onClosedDay = Slots(Monday, template, extra, new ScheduleException(null, Monday, ScheduleExceptionKind.Closed));

        Assert.Equal(["08:00", "08:30", "09:00", "10:00"], withTemplate.Select(s => LocalTime(s.Start)));
        Assert.Equal([2, 2, 10, 10], withTemplate.Select(s => s.Capacity));
        Assert.Equal(["09:00", "10:00"], onClosedDay.Select(s => LocalTime(s.Start)));
    }

    [Fact]
    public void Extra_hours_can_add_a_service_the_template_does_not_offer()
    {
        var extra = new ScheduleException("BLOOD", Monday, ScheduleExceptionKind.ExtraHours, new TimeOnly(7, 0), new TimeOnly(8, 0), 15, 3);

        var slots = Slots(Monday, [Opening(DayOfWeek.Monday, 8, 9)], extra);

        Assert.Equal(4, slots.Count(s => s.ServiceCode == "BLOOD"));
    }
}
