namespace Booking.Staff.Changes;

/// <summary>What became of a staff member's cancellation or move of one booking.</summary>
public abstract record BookingChangeOutcome
{
    public sealed record Cancelled : BookingChangeOutcome;

    /// <summary>Moved into the slot that starts at <see cref="Start"/> (at <see cref="LocationId"/>).</summary>
    public sealed record Moved(Guid LocationId, DateTimeOffset Start) : BookingChangeOutcome;

    /// <summary>The fields missing or wrong (their names); nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<string> Fields) : BookingChangeOutcome;

    /// <summary>The same form was sent again: it acted once, the first time.</summary>
    public sealed record AlreadySent : BookingChangeOutcome;

    /// <summary>Cancelled already, or its time has come: nothing to change.</summary>
    public sealed record NotChangeable : BookingChangeOutcome;

    /// <summary>Someone else (the citizen, a colleague) changed the booking since it was read; nothing changed.</summary>
    public sealed record ChangedMeanwhile : BookingChangeOutcome;

    /// <summary>The chosen slot has no seat left, does not exist, or has started.</summary>
    public sealed record SlotUnavailable : BookingChangeOutcome;

    /// <summary>The person has another booking of the service within its minimum interval of the new date.</summary>
    public sealed record TooSoon : BookingChangeOutcome;

    /// <summary>The service's rule refuses the new date for this person (age, the interval since another dose, a
    /// campaign not open to them).</summary>
    public sealed record NotEligible(Domain.Eligibility.EligibilityResult Reason) : BookingChangeOutcome;
}
