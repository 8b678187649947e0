using Booking.Domain.Eligibility;

namespace Booking.Web.Bookings;

/// <summary>Why a citizen's request was refused. Each maps to one problem type of the API (see Problems) and to one
/// message on the pages.</summary>
public abstract record Refusal
{
    public sealed record SlotFull : Refusal;
    public sealed record SlotStarted : Refusal;
    public sealed record SlotNotFound : Refusal;
    public sealed record LocationNotFound : Refusal;
    public sealed record HoldNotFound : Refusal;
    public sealed record HoldExpired : Refusal;
    public sealed record SlotTaken : Refusal;
    public sealed record BookingNotFound : Refusal;
    public sealed record BookingChanged : Refusal;
    public sealed record BookingNotChangeable(NotChangeableReason Reason) : Refusal;
    public sealed record IdempotencyKeyReused : Refusal;
    public sealed record NotEligible(EligibilityResult Reason) : Refusal;
}

public enum NotChangeableReason { Cancelled, AppointmentPassed }
