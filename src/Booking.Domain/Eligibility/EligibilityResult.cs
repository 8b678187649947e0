namespace Booking.Domain.Eligibility;

/// <summary>Why a citizen may or may not book a service on a date. Expected outcomes are values, not exceptions.</summary>
public abstract record EligibilityResult
{
    public sealed record Eligible : EligibilityResult;
    public sealed record TooYoung(int MinAgeYears) : EligibilityResult;
    public sealed record TooOld(int MaxAgeYears) : EligibilityResult;
    public sealed record TooSoon(string SinceServiceCode, DateOnly EarliestDate) : EligibilityResult;

    public static EligibilityResult Yes { get; } = new Eligible();
}
