namespace Booking.Domain.Scheduling;

/// <summary>Which days a schedule change touches: those whose slots (times or seats) differ, found with the same slot
/// engine the clinic-days use, so that a change reaches every clinic-day it alters and none it does not.</summary>
public static class ScheduleDifference
{
    public static IReadOnlyList<DateOnly> ChangedDays(LocationSchedule before, LocationSchedule after, DateOnly from, DateOnly until)
    {
        var days = new List<DateOnly>();
        for (var date = from; date <= until; date = date.AddDays(1))
            if (!SlotGenerator.SlotsOn(before, date).SequenceEqual(SlotGenerator.SlotsOn(after, date)))
                days.Add(date);
        return days;
    }
}
