namespace Booking.Domain.Catalog;

/// <summary>The platform's default time zone (a clinic may have its own): "today" for a citizen in Québec.</summary>
public static class QuebecTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    public static DateOnly Today(TimeProvider clock) => DateOf(Zone, clock.GetUtcNow());

    /// <summary>The local calendar date of an instant in a time zone.</summary>
    public static DateOnly DateOf(TimeZoneInfo zone, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
