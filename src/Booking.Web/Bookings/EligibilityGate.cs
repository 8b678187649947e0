using Booking.Data.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;
using Booking.Data.Protection;
using Booking.Domain.Citizens;

namespace Booking.Web.Bookings;

/// <summary>Enforces a service's eligibility rule on the server, with a message a citizen can act on.</summary>
public sealed class EligibilityGate(BookingRepository bookings, PersonalDataProtector protector)
{
    /// <summary>Null when eligible, otherwise why not.</summary>
    public async Task<string?> RefusalAsync(Service service, CitizenDetails citizen, DateOnly appointmentDate,
        string? excludingHoldId, Guid? excludingBookingId, CancellationToken cancellationToken)
    {
        // Only rules with an interval need the citizen's history; skip the query otherwise.
        var history = service.Eligibility.MinimumInterval is null ? []
            : await bookings.HistoryAsync(protector.CitizenFingerprint(citizen),
                citizen.HealthCardNumber is { } card ? protector.HealthCardFingerprint(card) : null,
                excludingHoldId, excludingBookingId, cancellationToken);
        return EligibilityCheck.Evaluate(service.Eligibility, citizen.BirthDate, appointmentDate, history) switch
        {
            EligibilityResult.TooYoung young => $"This service is for people aged {young.MinAgeYears} or more on the day of the appointment.",
            EligibilityResult.TooOld old => $"This service is for people aged {old.MaxAgeYears} or less on the day of the appointment.",
            EligibilityResult.TooSoon soon => $"Your previous {soon.SinceServiceCode} appointment is too recent: book on or after {soon.EarliestDate:yyyy-MM-dd}.",
            _ => null,
        };
    }
}
