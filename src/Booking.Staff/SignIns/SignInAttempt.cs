using System.Net;

namespace Booking.Staff.SignIns;

/// <summary>The step of the sign-in an attempt was made at (<c>staff_sign_in_log.step</c>).</summary>
public enum SignInStage { Password, Code, RecoveryCode, Enrolment }

/// <summary>What an attempt led to.</summary>
public enum SignInOutcome { SignedIn, PasswordAccepted, UnknownAccount, WrongPassword, WrongCode, WrongRecoveryCode, LockedOut, Suspended }

/// <summary>One sign-in attempt: the account when the name matched one, else only the name typed, normalised (the
/// way accounts are looked up). Never a password or a code.</summary>
public sealed record SignInAttempt(Guid? UserId, string AttemptedName, IPAddress? SourceIp, SignInStage Step, SignInOutcome Outcome);

/// <summary>An attempt as the sign-in log page lists it.</summary>
public sealed record SignInLogEntry(long Id, DateTimeOffset OccurredAt, Guid? UserId, string? DisplayName, string AttemptedName,
    IPAddress? SourceIp, SignInStage Step, SignInOutcome Outcome);
