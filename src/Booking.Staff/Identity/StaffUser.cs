using Microsoft.AspNetCore.Identity;

namespace Booking.Staff.Identity;

/// <summary>One person working for one tenant (a health region, the ministry): never a shared account. What they may
/// see and do comes from their roles (<c>staff_role_assignments</c>), each within this tenant's tree. Whether the
/// account is suspended is kept out of this model (<c>staff_users.suspended_at</c>, read and written by plain SQL), so
/// Identity's whole-row updates never write back a stale value.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public Guid TenantId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The language the person is written to in: "fr" or "en".</summary>
    public string Language { get; set; } = "fr";

    /// <summary>Set on an account created with an initial password: the first sign-in must replace it.</summary>
    public bool MustChangePassword { get; set; }
}
