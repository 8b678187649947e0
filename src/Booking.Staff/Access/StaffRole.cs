namespace Booking.Staff.Access;

/// <summary>What a person does for a tenant. A person may hold several roles; each is scoped to a tenant and the tenants
/// below it (<c>staff_role_assignments</c>). What each role may do is in <see cref="StaffRolePermissions"/>.</summary>
public enum StaffRole
{
    /// <summary>Runs the platform: staff accounts anywhere in its scope, operators' included.</summary>
    PlatformOperator,

    /// <summary>Administers a tenant: its staff accounts and roles, its clinics' offer, its sign-in log.</summary>
    TenantAdministrator,

    /// <summary>Runs given clinics: their offer, their bookings, their figures.</summary>
    ClinicManager,

    /// <summary>Welcomes people at given clinics: looks up their bookings.</summary>
    FrontDesk,

    /// <summary>Helps citizens on the phone: looks up bookings anywhere in the tenant.</summary>
    ContactCentreAgent,

    /// <summary>Reads figures for the ministry: aggregates only, never a name.</summary>
    MinistryAnalyst,

    /// <summary>The person in charge of personal information for a tenant (Law 25): answers citizens' privacy requests.</summary>
    PrivacyOfficer,
}

/// <summary>The roles' names in the database (<c>staff_role_assignments.role</c>): <c>front_desk</c>, …</summary>
public static class StaffRoleCodes
{
    public static string Code(this StaffRole role) => DatabaseNames.Of(role);

    public static StaffRole Parse(string code) => DatabaseNames.Parse<StaffRole>(code);
}
