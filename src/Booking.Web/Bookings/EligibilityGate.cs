using Booking.Data.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;
using Booking.Data.Protection;

namespace Booking.Web.Bookings;

/// <summary>Enforces a service's eligibility rule on the server, with a message a citizen can act on.</summary>
public sealed class EligibilityGate(BookingRepository bookings)
{
    /// <summary>Null when eligible, otherwise why not.</summary>
    /// <param name="fingerprints">The citizen's keyed fingerprints (see <see cref="PersonalDataProtector.Fingerprints"/>).</param>
    public async Task<string?> RefusalAsync(Service service, DateOnly birthDate, (byte[] Citizen, byte[]? HealthCard) fingerprints,
        DateOnly appointmentDate, string? excludingHoldId, Guid? excludingBookingId, CancellationToken cancellationToken)
    {
        // Only rules with an interval need the citizen's history; skip the query otherwise.
        var history = service.Eligibility.MinimumInterval is null ? []
            : await bookings.HistoryAsync(fingerprints.Citizen, fingerprints.HealthCard, excludingHoldId, excludingBookingId, cancellationToken);
        return EligibilityCheck.Evaluate(service.Eligibility, birthDate, appointmentDate, history) switch
        {
            EligibilityResult.TooYoung young => $"This service is for people aged {young.MinAgeYears} or more on the day of the appointment.",
            EligibilityResult.TooOld old => $"This service is for people aged {old.MaxAgeYears} or less on the day of the appointment.",
            EligibilityResult.TooSoon soon => $"Your previous {soon.SinceServiceCode} appointment is too recent: book on or after {soon.EarliestDate:yyyy-MM-dd}.",
            _ => null,
        };
    }
}
