namespace Booking.Admin.Account;

/// <summary>The one field of an authenticator-code form (enrolment and sign-in).</summary>
public sealed class CodeForm
{
    public string? Code { get; set; }
}
