using System.Collections.Concurrent;
using Booking.Domain.Catalog;
using Booking.Domain.Screening;

namespace Booking.Data.Offer;

/// <summary>
/// The catalogue's services as each clinic offers them: in its tenant's words, under its tenant's age rule and
/// screening, inherited along the tenant tree (<see cref="ServiceInheritance"/>). Built from data read together and
/// resolved once per tenant and service; shared by the web host and the messages so both say the same.
/// </summary>
public sealed class OfferedServices(
    IReadOnlyDictionary<string, Service> services,
    IReadOnlyDictionary<Guid, Location> locations,
    IReadOnlyDictionary<string, IReadOnlyList<ScreeningQuestion>> screening,
    IReadOnlyDictionary<string, (string? Fr, string? En)> preparations,
    ServiceOfferSnapshot offer)
{
    private readonly ConcurrentDictionary<(Guid Tenant, string Service), EffectiveService> _byTenant = new();

    /// <summary>The clinic's tenant and the tenants above it, nearest first: whose campaigns apply there.</summary>
    public IReadOnlyList<Guid> TenantsOf(Guid locationId) => locations.TryGetValue(locationId, out var location) ? offer.Lineage(location.TenantId) : [];

    /// <summary>Null for a clinic or service that does not exist.</summary>
    public EffectiveService? At(Guid locationId, string serviceCode) =>
        locations.TryGetValue(locationId, out var location) && services.TryGetValue(serviceCode, out var service)
            ? _byTenant.GetOrAdd((location.TenantId, serviceCode), key => ServiceInheritance.Resolve(service, preparations.GetValueOrDefault(serviceCode),
                screening.GetValueOrDefault(serviceCode) ?? [], offer.Lineage(key.Tenant, key.Service)))
            : null;
}
