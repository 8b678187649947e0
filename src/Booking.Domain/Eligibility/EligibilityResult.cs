namespace Booking.Domain.Eligibility;

/// <summary>Why a citizen may or may not book a service on a date. Expected outcomes are values, not exceptions.</summary>
public abstract record EligibilityResult
{
    public sealed record Eligible : EligibilityResult;
    public sealed record TooYoung(int MinAgeYears) : EligibilityResult;
    public sealed record TooOld(int MaxAgeYears) : EligibilityResult;
    public sealed record TooSoon(string SinceServiceCode, DateOnly EarliestDate) : EligibilityResult;
    /// <summary>The service is booked by campaign and none is open now; <see cref="NextOpensAt"/> when one is coming.</summary>
    public sealed record CampaignNotOpen(DateTimeOffset? NextOpensAt) : EligibilityResult;
    /// <summary>A campaign is open, but not yet to any group the citizen belongs to.</summary>
    public sealed record NotInOpenGroups(IReadOnlyList<string> OpenGroups) : EligibilityResult;

    public static EligibilityResult Yes { get; } = new Eligible();
}
