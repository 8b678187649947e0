using Booking.ServiceDefaults;

namespace Booking.Web.Site;

/// <summary>The contact and consents as posted by a booking form; <see cref="RequestId"/> is made when the form is first
/// shown and sent back with it, so a double submit confirms once.</summary>
public class ContactInput
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    public string? Email { get; set; }
    public bool EmailConsent { get; set; }
    public string? Phone { get; set; }
    public string? Language { get; set; }
    public bool Consent { get; set; }

    public string? IdempotencyKey() => Guid.TryParseExact(RequestId, "N", out var id) ? "site-" + id.ToString("N") : null;

    public string LanguageOrCurrent() => Language ?? PlatformLanguages.Current;
}

/// <summary>The contact of a booking form, with the person's postal code: optional, and only its first three characters
/// (the area) are kept, for the ministry's statistics.</summary>
public class BookingContactInput : ContactInput
{
    public string? PostalCode { get; set; }
}
