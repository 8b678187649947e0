using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;

namespace Booking.Data.Bookings;

/// <summary>How much of a service's minimum interval the eligibility check looks up in the citizen's history.</summary>
public enum IntervalCheck
{
    /// <summary>Every interval: nothing is written after the check, or a refused write's reason is wanted.</summary>
    Whole,

    /// <summary>A new booking is written next, and PostgreSQL refuses one within an interval between two bookings of the
    /// service itself (the bookings' exclusion constraint): that interval is left to the write, so that confirming such a
    /// service does not read the citizen's history first. The caller asks again with <see cref="Whole"/> after a refusal,
    /// for its reason.</summary>
    OwnLeftToWrite,
}

/// <summary>Enforces a service's eligibility rule and its campaigns on the server, whatever the client checked.</summary>
public sealed class EligibilityGate(BookingRepository bookings, ReferenceData referenceData, TimeProvider clock)
{
    /// <summary>Null when eligible, otherwise why not.</summary>
    /// <param name="fingerprints">The citizen's keyed fingerprints (see <see cref="PersonalDataProtector.Fingerprints"/>).</param>
    /// <param name="declaredGroups">The priority groups the citizen declared.</param>
    /// <param name="locationId">The clinic: its organisation's campaigns apply.</param>
    public async Task<EligibilityResult?> RefusalAsync(Guid locationId, Service service, DateOnly birthDate, (byte[] Citizen, byte[]? HealthCard) fingerprints,
        IReadOnlyCollection<string> declaredGroups, DateOnly appointmentDate, string? excludingHoldId, Guid? excludingBookingId,
        IntervalCheck intervalCheck, CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        var campaigns = new CampaignAccess(reference.CampaignsAt(locationId, service.Code), declaredGroups, clock.GetUtcNow());
        // Only an interval checked here needs the citizen's history; skip the query otherwise.
        var history = service.Eligibility.MinimumInterval is not { } interval
                      || (intervalCheck == IntervalCheck.OwnLeftToWrite && interval.IsBetweenBookingsOf(service.Code))
            ? []
            : await bookings.HistoryAsync(fingerprints.Citizen, fingerprints.HealthCard, excludingHoldId, excludingBookingId, cancellationToken);
        var result = EligibilityCheck.Evaluate(service.Eligibility, birthDate, appointmentDate, history, campaigns);
        return result is EligibilityResult.Eligible ? null : result;
    }
}
