namespace Booking.Staff.Administration;

/// <summary>What became of an administrator's change to a staff account.</summary>
public enum StaffChangeOutcome
{
    Done,

    /// <summary>A role asked for: it takes effect once another person with the authority to grant it approves it.</summary>
    Requested,

    /// <summary>The requester of a role cannot approve it: a second person must (separation of duties).</summary>
    OwnRequest,

    /// <summary>Nothing to do (already suspended, already active): nothing written, nobody told.</summary>
    Unchanged,

    /// <summary>No such account, or one this administrator may not see: the same answer.</summary>
    NotFound,

    /// <summary>Administrators never change their own account here, so none can lock themselves out or raise their own rights.</summary>
    OwnAccount,

    /// <summary>The account holds, or the change would grant, a role beyond what this administrator may grant.</summary>
    BeyondScope,

    /// <summary>The role's tenant is not the account's tenant or one below it.</summary>
    TenantOutsideAccount,

    /// <summary>A clinic-limited role without clinics, or clinics outside the role's tenant; or clinics for a role
    /// that is not limited to clinics.</summary>
    WrongClinics,

    EmailTaken,

    /// <summary>A field is missing or malformed (e-mail, name, language, role).</summary>
    InvalidInput,
}
