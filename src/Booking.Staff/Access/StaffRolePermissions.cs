namespace Booking.Staff.Access;

/// <summary>The permission table: which roles grant which permissions, and which roles are limited to given clinics.
/// Documented in docs/staff-site.md; a change here is a change of who may see and do what.</summary>
public static class StaffRolePermissions
{
    private static readonly Dictionary<StaffRole, StaffPermission[]> Table = new()
    {
        [StaffRole.PlatformOperator] = [StaffPermission.ManageStaff, StaffPermission.ManageOperators, StaffPermission.ViewSignInLog,
            StaffPermission.ViewClusterDashboard, StaffPermission.OperatePlatform, StaffPermission.ManageRetention],
        [StaffRole.TenantAdministrator] = [StaffPermission.ManageStaff, StaffPermission.ViewSignInLog, StaffPermission.ManageOffer, StaffPermission.ViewStatistics,
            StaffPermission.ManageRetention],
        [StaffRole.ClinicManager] = [StaffPermission.ViewBookings, StaffPermission.RunClinicDay, StaffPermission.ManageOffer, StaffPermission.ViewStatistics],
        [StaffRole.FrontDesk] = [StaffPermission.ViewBookings, StaffPermission.RunClinicDay],
        [StaffRole.ContactCentreAgent] = [StaffPermission.ViewBookings, StaffPermission.ActForCallers],
        [StaffRole.MinistryAnalyst] = [StaffPermission.ViewStatistics, StaffPermission.DownloadExtracts],
        [StaffRole.PrivacyOfficer] = [StaffPermission.HandlePrivacyRequests],
    };

    public static IReadOnlyList<StaffPermission> Of(StaffRole role) => Table[role];

    public static IReadOnlyList<StaffRole> Granting(StaffPermission permission) =>
        Table.Where(entry => entry.Value.Contains(permission)).Select(entry => entry.Key).ToList();

    /// <summary>Roles held for given clinics of their tenant rather than for the whole tenant.</summary>
    public static bool IsLimitedToClinics(StaffRole role) => role is StaffRole.ClinicManager or StaffRole.FrontDesk;

    /// <summary>The permission needed to grant or remove a role, besides holding it over the role's scope: only an
    /// operator makes an operator.</summary>
    public static StaffPermission NeededToGrant(StaffRole role) =>
        role == StaffRole.PlatformOperator ? StaffPermission.ManageOperators : StaffPermission.ManageStaff;
}
