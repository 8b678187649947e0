namespace Booking.Domain.Catalog;

/// <summary>A clinic of a tenant organisation. Dates and opening hours are in its own time zone.</summary>
public sealed record Location(
    Guid Id,
    Guid TenantId,
    string Name,
    string Address,
    string City,
    string PostalCode,
    GeoPoint Position,
    string TimeZoneId)
{
    // Resolved once: every slot shown converts through it, and the system look-up takes a process-wide lock.
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
