namespace Booking.Staff.Access;

/// <summary>What a page or an action of the staff site requires. Each is granted by some roles
/// (<see cref="StaffRolePermissions"/>) and checked for a tenant or a clinic (<see cref="StaffScope"/>).</summary>
public enum StaffPermission
{
    /// <summary>Open a booking by its confirmation code, the citizen's name included (the booking's clinic).</summary>
    ViewBookings,

    /// <summary>Run a clinic's day at the front desk: the day's appointments with the citizens' names, search, check-in,
    /// no-shows (the clinic).</summary>
    RunClinicDay,

    /// <summary>Act for a caller: find their bookings by confirmation code, health card or phone, and cancel or move one
    /// on their behalf, with the citizen site's rules (the booking's clinic).</summary>
    ActForCallers,

    /// <summary>Booking counts per clinic and service: figures only, never a name (the clinic).</summary>
    ViewStatistics,

    /// <summary>Change a clinic's offer: the clinic, its schedules, closures and campaigns (the clinic).</summary>
    ManageOffer,

    /// <summary>Create, suspend and reactivate staff accounts, grant and remove roles (the account's tenant and the
    /// role's scope).</summary>
    ManageStaff,

    /// <summary>Grant or remove the platform-operator role, and change an operator's account.</summary>
    ManageOperators,

    /// <summary>Read the staff sign-in log (the accounts' tenant).</summary>
    ViewSignInLog,

    /// <summary>Download the ministry's extracts: de-identified rows and suppressed counts, never a name (the rows of
    /// the tenants held).</summary>
    DownloadExtracts,

    /// <summary>Set how many months a tenant keeps each class of personal data, above the classes' floors (the tenant and,
    /// by inheritance, its subtree).</summary>
    ManageRetention,

    /// <summary>Run the platform: the extract job's runs and lag, the machine clients of the identity server.</summary>
    OperatePlatform,

    /// <summary>Handle citizens' privacy requests: the queue of corrections and complaints with their content, assign,
    /// answer, and export everything held for a person (the booking's clinic; complaints: a top-level tenant).</summary>
    HandlePrivacyRequests,

    /// <summary>Open the cluster dashboard: silos, grain activations and calls, reminders (the whole platform; no
    /// personal data, but the platform's inner workings).</summary>
    ViewClusterDashboard,
}
