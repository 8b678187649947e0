namespace Booking.Domain.Catalog;

/// <summary>Who may book a service: an age range on the appointment date, and an optional minimum
/// interval since the citizen's previous booking of a given service (e.g. a second dose).</summary>
public sealed record EligibilityRule(int? MinAgeYears, int? MaxAgeYears, MinimumInterval? MinimumInterval)
{
    public static EligibilityRule Anyone { get; } = new(null, null, null);
}

public sealed record MinimumInterval(string SinceServiceCode, int Days);
