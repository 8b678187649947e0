using System.ComponentModel.DataAnnotations;

namespace Booking.Staff.Identity;

/// <summary>The security rules of staff sign-in (<c>Staff:SignIn</c>): temporary lockout after repeated failures, a
/// session that closes after a spell of inactivity and at the latest after a working day, and a limit on how many
/// sign-in forms one address may post.</summary>
public sealed class StaffSignInOptions
{
    public const string Section = "Staff:SignIn";

    [Range(1, 20)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long a session may last however active it is; then both factors again.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "1.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);

    [Range(12, 128)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>Sign-in forms (password, code, enrolment) one network address may post per <see cref="AttemptWindow"/>.</summary>
    [Range(1, 10_000)]
    public int AttemptsPerAddress { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(5);
}
