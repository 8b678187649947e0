namespace Booking.Web.Availability;

/// <summary>The platform's default time zone (clinics may have their own): "today" for a citizen in Québec.</summary>
public static class QuebecTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public static DateOnly LocalDate(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
