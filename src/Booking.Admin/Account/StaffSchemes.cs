namespace Booking.Admin.Account;

/// <summary>The cookies and policies of the staff site. Only a session opened with both factors reaches a citizen's
/// record; the enrolment cookie (password checked, authenticator not yet set up) reaches the first-sign-in pages only.</summary>
public static class StaffSchemes
{
    public const string Enrolment = "Staff.Enrolment";
    public const string EnrolmentPolicy = "enrolment";

    /// <summary>The authentication-methods claim Identity sets on a two-factor sign-in (RFC 8176 value "mfa").</summary>
    public const string MethodsClaim = "amr";
    public const string MultiFactor = "mfa";
}
