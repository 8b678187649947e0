using System.Security.Claims;
using Booking.Data.Offer;

namespace Booking.Staff.Offer;

/// <summary>
/// Who may see and change which part of the clinics' offer on the staff site. Every page and action of the offer asks
/// here and nowhere else, so staff roles (a clinic manager limited to some clinics, front desk, …) replace this one
/// rule. A refusal is answered like a clinic that does not exist: nothing about it is shown.
/// </summary>
public interface IOfferAccess
{
    /// <summary>The tenants whose offer this person may manage (and create clinics in), parents before children.</summary>
    Task<IReadOnlyList<TenantSummary>> ManageableTenantsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    Task<bool> CanManageTenantAsync(ClaimsPrincipal user, Guid tenantId, CancellationToken cancellationToken = default);

    Task<bool> CanManageLocationAsync(ClaimsPrincipal user, Guid locationId, CancellationToken cancellationToken = default);

    Task<bool> CanManageCampaignAsync(ClaimsPrincipal user, Guid campaignId, CancellationToken cancellationToken = default);
}
