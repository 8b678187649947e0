using System.Security.Claims;
using Booking.Data.Offer;
using Booking.Data.Staff;
using Booking.Staff.Access;

namespace Booking.Staff.Offer;

/// <summary>A tenant in which a person may create clinics.</summary>
public sealed record OfferTenant(Guid Id, string Name);

/// <summary>What of the clinics' offer a person may manage, listed through <see cref="StaffScopeSql"/> under
/// <see cref="StaffPermission.ManageOffer"/>, so a page never lists what it would refuse to open.</summary>
public sealed class ManagedOffer(StaffScopeRepository scopes, StaffAccess access, LocationRepository locations)
{
    /// <summary>The clinics where the person holds <see cref="StaffPermission.ManageOffer"/>: a tenant administrator's
    /// tenants' clinics, a clinic manager's own.</summary>
    public async Task<IReadOnlyList<StaffLocation>> ClinicsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await locations.FindManyAsync(await access.LocationsAsync(user, StaffPermission.ManageOffer, cancellationToken), cancellationToken);

    /// <summary>The tenants over which the person holds <see cref="StaffPermission.ManageOffer"/> as a whole: where they
    /// may create a clinic (a clinic manager, limited to its clinics, has none).</summary>
    public async Task<IReadOnlyList<OfferTenant>> TenantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (StaffAccess.UserId(user) is not { } userId)
            return [];
        var tenants = await scopes.TenantsAsync(StaffAccess.Grantee(userId, StaffPermission.ManageOffer), cancellationToken);
        return tenants.Select(t => new OfferTenant(t.Id, t.Name)).ToList();
    }
}
