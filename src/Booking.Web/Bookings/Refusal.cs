using Booking.ClusterClient.Bookings;
using Booking.Domain.Eligibility;
using Booking.Domain.Screening;

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
    /// <summary>An answer to a screening question stops the booking; the question says why and what to do instead.</summary>
    public sealed record ScreeningBlocked(ScreeningQuestion Question) : Refusal;
    /// <summary>The chosen slot and the slots next to it have fewer free seats than the group has people.</summary>
    public sealed record GroupDoesNotFit(int People) : Refusal;
    /// <summary>The service is behind a waiting room and the request has no valid admission pass.</summary>
    public sealed record WaitingRoomRequired(string Room) : Refusal;
    /// <summary>No waiting-list offer or place for this id and link (either is unknown, or the link is not its own).</summary>
    public sealed record WaitingListNotFound : Refusal;
    /// <summary>The seat offered from the waiting list was held for a limited time, now over (or already taken).</summary>
    public sealed record WaitingListOfferOver : Refusal;
    /// <summary>One person's booking failed after others were confirmed; those were cancelled, so nothing is booked.</summary>
    public sealed record GroupNotConfirmed(int Person, Refusal Reason, IReadOnlyList<string> CancelledCodes) : Refusal;

    /// <summary>Why a held slot sent for booking was not booked, as the citizen is told it.</summary>
    public static Refusal Of(ConfirmationOutcome notBooked) => notBooked switch
    {
        ConfirmationOutcome.NotEligible { Reason: var reason } => new NotEligible(reason),
        ConfirmationOutcome.HoldExpired => new HoldExpired(),
        ConfirmationOutcome.SlotTaken => new SlotTaken(),
        ConfirmationOutcome.KeyReused => new IdempotencyKeyReused(),
        _ => new HoldNotFound(),
    };
}

public enum NotChangeableReason { Cancelled, AppointmentPassed }
