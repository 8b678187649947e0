namespace Booking.Staff.Administration;

/// <summary>What an audited change did to a staff account (<c>staff_account_audit.action</c>).</summary>
public enum StaffAuditAction
{
    AccountCreated,
    AccountSuspended,
    AccountReactivated,
    RoleGranted,
    RoleRemoved,
    AuthenticatorReset,
    PasswordChangeRequired,
    RecoveryCodesGenerated,
}

/// <summary>One line of an account's history as its administrators read it.</summary>
public sealed record StaffAuditEntry(DateTimeOffset OccurredAt, string ActorName, StaffAuditAction Action, string Detail);
