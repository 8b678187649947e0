namespace Booking.LoadTest;

/// <summary>Dates are the clinics' (Québec's), not this machine's: the API rejects a "from" before today in Québec.</summary>
public static class QuebecCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime);

    public static DateOnly DaysAhead(int days) => Today.AddDays(days);
}
