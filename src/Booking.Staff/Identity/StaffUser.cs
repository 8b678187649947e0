using Microsoft.AspNetCore.Identity;

namespace Booking.Staff.Identity;

/// <summary>One person working for one tenant (a health region, the ministry): never a shared account. They see the
/// bookings of their tenant and of the tenants under it.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public Guid TenantId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>Set on an account created with an initial password: the first sign-in must replace it.</summary>
    public bool MustChangePassword { get; set; }
}
