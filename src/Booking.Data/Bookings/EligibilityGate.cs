using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;

namespace Booking.Data.Bookings;

/// <summary>Enforces a service's eligibility rule and its campaigns on the server, whatever the client checked.</summary>
public sealed class EligibilityGate(BookingRepository bookings, ReferenceData referenceData, TimeProvider clock)
{
    /// <summary>Null when eligible, otherwise why not.</summary>
    /// <param name="fingerprints">The citizen's keyed fingerprints (see <see cref="PersonalDataProtector.Fingerprints"/>).</param>
    /// <param name="declaredGroups">The priority groups the citizen declared.</param>
    /// <param name="locationId">The clinic: its organisation's campaigns apply.</param>
    public async Task<EligibilityResult?> RefusalAsync(Guid locationId, Service service, DateOnly birthDate, (byte[] Citizen, byte[]? HealthCard) fingerprints,
        IReadOnlyCollection<string> declaredGroups, DateOnly appointmentDate, string? excludingHoldId, Guid? excludingBookingId,
        CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        var campaigns = new CampaignAccess(reference.CampaignsAt(locationId, service.Code), declaredGroups, clock.GetUtcNow());
        // Only rules with an interval need the citizen's history; skip the query otherwise.
        var history = service.Eligibility.MinimumInterval is null ? []
            : await bookings.HistoryAsync(fingerprints.Citizen, fingerprints.HealthCard, excludingHoldId, excludingBookingId, cancellationToken);
        var result = EligibilityCheck.Evaluate(service.Eligibility, birthDate, appointmentDate, history, campaigns);
        return result is EligibilityResult.Eligible ? null : result;
    }
}
