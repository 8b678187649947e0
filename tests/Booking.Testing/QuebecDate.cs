using Booking.Domain.Catalog;

namespace Booking.Testing;

public static class QuebecDate
{
    public static TimeZoneInfo Zone => QuebecTime.Zone;

    public static DateOnly Today => QuebecTime.Today(TimeProvider.System);

    /// <summary>A weekday a few days ahead, so demo schedules (08:00–20:00 on weekdays) have every slot in the future.</summary>
    public static DateOnly NextWeekday(int atLeastDaysAhead = 2)
    {
        var date = Today.AddDays(atLeastDaysAhead);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            date = date.AddDays(1);
        return date;
    }

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
