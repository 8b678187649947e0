namespace Booking.Domain.Catalog;

/// <summary>A bookable service from the province-wide catalogue (a vaccine, a blood test).</summary>
public sealed record Service(
    string Code,
    string NameFr,
    string NameEn,
    int DurationMinutes,
    EligibilityRule Eligibility)
{
    public string Name(string language) => language == "en" ? NameEn : NameFr;
}
