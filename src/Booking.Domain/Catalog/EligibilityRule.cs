namespace Booking.Domain.Catalog;

/// <summary>Who may book a service: an age range on the appointment date, and an optional minimum
/// interval since the citizen's previous booking of a given service (e.g. a second dose).</summary>
public sealed record EligibilityRule(int? MinAgeYears, int? MaxAgeYears, MinimumInterval? MinimumInterval)
{
    public static EligibilityRule Anyone { get; } = new(null, null, null);
}

public sealed record MinimumInterval(string SinceServiceCode, int Days)
{
    /// <summary>True when the interval is between two bookings of <paramref name="serviceCode"/> itself (two doses of one
    /// vaccine): the interval PostgreSQL also enforces when a booking is written.</summary>
    public bool IsBetweenBookingsOf(string serviceCode) => SinceServiceCode == serviceCode;
}
