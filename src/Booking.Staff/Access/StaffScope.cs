namespace Booking.Staff.Access;

/// <summary>Where a permission is asked for: a tenant (and so the tenants below it) or one clinic. A clinic's tenant is
/// always looked up on the server, never taken from the request.</summary>
public abstract record StaffScope
{
    public static StaffScope OfTenant(Guid tenantId) => new TenantScope(tenantId);

    public static StaffScope OfLocation(Guid locationId) => new LocationScope(locationId);

    public sealed record TenantScope(Guid TenantId) : StaffScope;

    public sealed record LocationScope(Guid LocationId) : StaffScope;
}
