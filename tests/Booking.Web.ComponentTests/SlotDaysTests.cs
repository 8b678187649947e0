using Booking.Web.Availability;
using Booking.Web.Site;

namespace Booking.Web.ComponentTests;

public class SlotDaysTests
{
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    private static SlotResponse Slot(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        var start = new DateTimeOffset(local, Montreal.GetUtcOffset(local));
        return new SlotResponse(start, start.AddMinutes(10), 1);
    }

    [Fact]
    public void Slots_are_grouped_by_the_clinics_own_date_not_the_UTC_date()
    {
        // 23:30 in Montréal on 24 November is 04:30 UTC on the 25th: it still belongs to the 24th.
        var late = Slot(2026, 11, 24, 23, 30);
        var next = Slot(2026, 11, 25, 8, 0);
        Assert.Equal(25, late.Start.UtcDateTime.Day);

        var days = SlotDays.Group([next, late]);

        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25)], days.Select(d => d.Date));
        Assert.Equal([late], days[0].Slots);
        Assert.Equal([next], days[1].Slots);
    }

    [Fact]
    public void A_day_across_the_autumn_clock_change_keeps_its_slots_in_time_order()
    {
        // 1 November 2026: 01:30 happens twice in Montréal; both belong to that date, earlier instant first.
        var firstPass = new SlotResponse(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4)), default, 1);
        var secondPass = new SlotResponse(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-5)), default, 1);

        var days = SlotDays.Group([secondPass, firstPass]);

        var day = Assert.Single(days);
        Assert.Equal(new DateOnly(2026, 11, 1), day.Date);
        Assert.Equal([firstPass, secondPass], day.Slots);
    }
}
