using System.Security.Claims;
using Booking.Data.Offer;
using Booking.Staff.Access;

namespace Booking.Staff.Offer;

/// <summary>Sets which of its tenant's services a clinic offers. A service keeps its place while the clinic has a
/// weekly schedule or extra hours for it: delete those first (each change checked against the bookings).</summary>
public sealed class LocationServicesEditing(StaffAccess access, LocationRepository locations, TenantServices services, ScheduleRepository schedules,
    ServiceOfferRepository offers)
{
    public const string Field = "Services";

    public async Task<LocationSaveResult> SaveAsync(ClaimsPrincipal user, OfferActor actor, Guid locationId, IReadOnlyCollection<string> chosen, int version,
        CancellationToken cancellationToken = default)
    {
        if (!await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfLocation(locationId), cancellationToken) || await locations.FindAsync(locationId, cancellationToken) is not { } location)
            return new LocationSaveResult.NotFound();
        var errors = new FormErrors();
        var offeredByTenant = (await services.OfferedByAsync(location.TenantId, cancellationToken)).Select(s => s.Code).ToHashSet();
        if (chosen.FirstOrDefault(code => !offeredByTenant.Contains(code)) is { } unknown)
            errors.Add(Field, "Offer.Location.ServiceNotOffered", unknown);
        var schedule = await schedules.ReadAsync(locationId, DateOnly.MinValue, cancellationToken);
        var scheduled = schedule.Templates.Select(t => t.ServiceCode).Concat(schedule.Exceptions.Select(e => e.Exception.ServiceCode).OfType<string>());
        if (scheduled.Where(code => !chosen.Contains(code)).Distinct().Order().ToList() is { Count: > 0 } stillScheduled)
            errors.Add(Field, "Offer.Location.ServiceHasSchedule", string.Join(", ", stillScheduled));
        if (errors.Any)
            return new LocationSaveResult.Invalid(errors);
        return await offers.SaveOfferedAtAsync(location.TenantId, locationId, version, chosen.ToHashSet(), actor, cancellationToken)
            ? new LocationSaveResult.Saved(locationId) : new LocationSaveResult.Stale();
    }
}
