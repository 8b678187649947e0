using System.Text.Json;

namespace Booking.Data.Notifications;

/// <summary>A role granted or removed, as its audit row and its e-mail name it: the role's code (<c>front_desk</c>),
/// its tenant and clinics by name, as they were at the time of the change. Stored as the change's detail (JSON).</summary>
public sealed record StaffRoleChange(string Role, string Tenant, IReadOnlyList<string> Clinics)
{
    public string ToDetail() => JsonSerializer.Serialize(this);

    public static StaffRoleChange? FromDetail(string detail)
    {
        try
        {
            return detail.StartsWith('{') ? JsonSerializer.Deserialize<StaffRoleChange>(detail) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
