using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;
using Booking.Domain.Screening;
using Booking.Domain.Validation;
using Booking.Grains.Availability;

namespace Booking.Staff.ContactCentre;

/// <summary>What an agent chooses from to book for a caller: the clinics where they act for callers, the services the
/// chosen clinic offers, and the chosen service's free slots on the chosen day.</summary>
public sealed record AgentBookingChoice(IReadOnlyList<Location> Clinics, Location? Clinic, IReadOnlyList<EffectiveService> Services,
    EffectiveService? Service, DateOnly Date, IReadOnlyList<FreeSlot> FreeSlots);

/// <summary>The caller's details as the agent typed them, with the hold they are for and the form's key; their answers to
/// the service's screening questions (by question id, yes = true) and the priority groups they declare; their postal code if
/// they give it (only its area is kept).</summary>
public sealed record CallerDetailsInput(string? HoldId, string? FormKey, string? FirstName, string? LastName, string? BirthDate, string? HealthCard,
    string? Email, string? Phone, string? Language, bool EmailConsent, bool Consent, IReadOnlyDictionary<string, bool?> Screening,
    IReadOnlyList<string?> PriorityGroups, string? PostalCode = null);

/// <summary>What became of a slot an agent chose, or of the caller's details sent for it.</summary>
public abstract record AgentBookingResult
{
    /// <summary>The slot is kept for the caller while the agent takes their details.</summary>
    public sealed record Held(string HoldId, DateTimeOffset Start, DateTimeOffset ExpiresAt) : AgentBookingResult;

    public sealed record Booked(string ConfirmationCode, DateTimeOffset Start) : AgentBookingResult;

    /// <summary>Fields missing or wrong, by field, with the citizen site's codes; nothing held or booked.</summary>
    public sealed record Invalid(ValidationErrors Errors) : AgentBookingResult;

    /// <summary>The service's rule or its campaigns refuse the caller.</summary>
    public sealed record NotEligible(EligibilityResult Reason) : AgentBookingResult;

    /// <summary>The time was taken meanwhile (or has begun): the agent chooses another.</summary>
    public sealed record SlotTaken : AgentBookingResult;

    /// <summary>The hold ran out before the details were sent: the agent chooses the time again.</summary>
    public sealed record HoldExpired : AgentBookingResult;

    /// <summary>The form's key was first sent with other details: nothing more is booked.</summary>
    public sealed record AlreadySent : AgentBookingResult;

    /// <summary>An answer to a screening question stops the booking; the question says why and what to do.</summary>
    public sealed record ScreeningBlocked(ScreeningQuestion Question) : AgentBookingResult;
}
