namespace Booking.Data.Staff;

/// <summary>A requested or held role, as an approval or a review decides it: whose (of which tenant), the role's
/// code, over what, asked by whom and when (a held role asked by no one counts from its grant).</summary>
public sealed record RoleDecisionRow
{
    public Guid AccountId { get; init; }
    public Guid AccountTenantId { get; init; }
    public string Role { get; init; } = "";
    public Guid TenantId { get; init; }
    public Guid[] ClinicIds { get; init; } = [];
    public Guid? RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
}
