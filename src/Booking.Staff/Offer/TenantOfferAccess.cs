using System.Security.Claims;
using Booking.Data.Offer;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;

namespace Booking.Staff.Offer;

/// <summary>Until staff roles exist: a signed-in staff member manages the offer of their own tenant and of every tenant
/// under it, as they see its bookings. The account is read on the server for each request, never trusted from the cookie.</summary>
public sealed class TenantOfferAccess(UserManager<StaffUser> users, TenantTree tenants, LocationRepository locations, CampaignRepository campaigns)
    : IOfferAccess
{
    private IReadOnlyList<TenantSummary>? _manageable;

    public async Task<IReadOnlyList<TenantSummary>> ManageableTenantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (_manageable is not null)
            return _manageable;
        return _manageable = await users.GetUserAsync(user) is { } staff ? await tenants.SubtreeAsync(staff.TenantId, cancellationToken) : [];
    }

    public async Task<bool> CanManageTenantAsync(ClaimsPrincipal user, Guid tenantId, CancellationToken cancellationToken = default) =>
        (await ManageableTenantsAsync(user, cancellationToken)).Any(t => t.Id == tenantId);

    public async Task<bool> CanManageLocationAsync(ClaimsPrincipal user, Guid locationId, CancellationToken cancellationToken = default) =>
        await locations.FindAsync(locationId, cancellationToken) is { } location && await CanManageTenantAsync(user, location.TenantId, cancellationToken);

    public async Task<bool> CanManageCampaignAsync(ClaimsPrincipal user, Guid campaignId, CancellationToken cancellationToken = default) =>
        await campaigns.TenantOfAsync(campaignId, cancellationToken) is { } tenant && await CanManageTenantAsync(user, tenant, cancellationToken);
}
