using Booking.Domain.Catalog;

namespace Booking.Testing;

/// <summary>Dates for tests, from the suite's clock (<see cref="TestClock"/>), so the suite passes at any instant.</summary>
public static class QuebecDate
{
    public static TimeZoneInfo Zone => QuebecTime.Zone;

    /// <summary>Today as the test process first saw it: fixed, so that a run crossing midnight keeps its days.</summary>
    public static DateOnly Today { get; } = QuebecTime.Today(TestClock.Provider);

    /// <summary>
    /// The <paramref name="n"/>-th weekday after today (weekends skipped, not counted), so that distinct numbers are
    /// always distinct days, whatever today is, and every slot of the demo schedules (weekdays 07:00–20:00) is at
    /// least a day ahead. Tests that share a fixture keep their clinic-days apart by using different numbers.
    /// </summary>
    public static DateOnly NextWeekday(int n = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var date = Today;
        for (var counted = 0; counted < n;)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                counted++;
        }
        return date;
    }

    /// <summary>The Québec date of <paramref name="instant"/>.</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
