namespace Booking.Admin.Account;

/// <summary>The cookies and policies of the staff site. Only a session opened with both factors reaches a citizen's
/// record; the enrolment cookie (password checked, authenticator not yet set up) reaches the first-sign-in pages only.</summary>
public static class StaffSchemes
{
    /// <summary>The site's own session, opened from the identity server's sign-in (<see cref="StaffSiteSignIn"/>). The
    /// server's session is Identity's application cookie, which only the sign-in pages and the server's endpoints read.</summary>
    public const string Site = "Staff.Site";

    /// <summary>The site's sign-in through the identity server: authorization code with PKCE.</summary>
    public const string OpenIdConnect = "Staff.OpenIdConnect";

    public const string Enrolment = "Staff.Enrolment";
    public const string EnrolmentPolicy = "enrolment";

    /// <summary>The authentication-methods claim Identity sets on a two-factor sign-in (RFC 8176 value "mfa").</summary>
    public const string MethodsClaim = "amr";
    public const string MultiFactor = "mfa";
}
