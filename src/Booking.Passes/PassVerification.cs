namespace Booking.Passes;

/// <summary>Why a pass was refused. Expired is only reported for an authentic pass.</summary>
public enum PassInvalidReason { Malformed, UnknownKey, BadSignature, Expired }

/// <summary>The outcome of checking a pass: valid with what it asserts, or invalid with a reason.</summary>
public abstract record PassVerification
{
    private PassVerification() { }

    public sealed record Valid(AppointmentPassClaims Claims, string KeyId, DateTimeOffset IssuedAt) : PassVerification;

    public sealed record Invalid(PassInvalidReason Reason, string Detail) : PassVerification;

    public bool IsValid => this is Valid;
}
