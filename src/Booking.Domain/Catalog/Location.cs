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
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
