using System.Security.Claims;
using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Domain.Catalog;
using Booking.Staff.Access;

namespace Booking.Staff.Offer;

/// <summary>A service as a tenant offers it, and what the tenant sets itself (null: all inherited).</summary>
public sealed record TenantServiceView(EffectiveService Effective, StoredServiceSetting? Own);

/// <summary>A tenant's services, with the tenants it inherits from (itself first) to name where each value comes from.</summary>
public sealed record TenantServicesView(IReadOnlyList<TenantSummary> Lineage, IReadOnlyList<TenantServiceView> Services)
{
    public TenantSummary Tenant => Lineage[0];

    /// <summary>The tenant a value comes from, or null when it is the catalogue's.</summary>
    public TenantSummary? Source(Guid? tenantId) => tenantId is { } id ? Lineage.First(t => t.Id == id) : null;
}

/// <summary>Reads the services of a tenant as it offers them: the catalogue, overridden along the tenant tree.</summary>
public sealed class TenantServices(StaffAccess access, TenantTree tree, CatalogRepository catalog, ServiceOfferRepository offers)
{
    /// <returns>Null when the tenant is not one this person may manage.</returns>
    public async Task<TenantServicesView?> ForAsync(ClaimsPrincipal user, Guid tenantId, CancellationToken cancellationToken = default) =>
        await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfTenant(tenantId), cancellationToken) ? await OfTenantAsync(tenantId, cancellationToken) : null;

    /// <summary>The services a tenant offers (and so its clinics may), by code.</summary>
    public async Task<IReadOnlyList<Service>> OfferedByAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        (await OfTenantAsync(tenantId, cancellationToken)).Services.Where(s => s.Effective.Offered.Value).Select(s => s.Effective.Service).ToList();

    private async Task<TenantServicesView> OfTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var lineage = await tree.LineageAsync(tenantId, cancellationToken);
        var settings = await offers.OfTenantsAsync(lineage.Select(t => t.Id).ToList(), cancellationToken);
        var preparations = await catalog.PreparationsAsync(cancellationToken);
        var screening = await catalog.ScreeningQuestionsAsync(cancellationToken);
        var services = (await catalog.ServicesAsync(cancellationToken)).Select(service =>
        {
            var chain = lineage.SelectMany(t => settings.Where(s => s.Setting.TenantId == t.Id && s.Setting.ServiceCode == service.Code)).ToList();
            var effective = ServiceInheritance.Resolve(service, preparations.GetValueOrDefault(service.Code), screening.GetValueOrDefault(service.Code) ?? [],
                chain.Select(s => s.Setting).ToList());
            return new TenantServiceView(effective, chain.FirstOrDefault(s => s.Setting.TenantId == tenantId));
        }).ToList();
        return new TenantServicesView(lineage, services);
    }
}
