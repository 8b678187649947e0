using Booking.ClusterClient.Bookings;
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

/// <summary>A caller's group as the agent typed it: the seats held together (in time order), the form's key, each
/// person (their details, screening answers and priority groups) in the order of the seats, and the one contact that
/// receives every confirmation.</summary>
public sealed record GroupDetailsInput(IReadOnlyList<string?> HoldIds, string? FormKey, IReadOnlyList<HeldGroupConfirmation.Member> People, string? Email,
    string? Phone, string? Language, bool EmailConsent, bool Consent);

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

    /// <summary>Seats kept together for the caller's group, in time order, while the agent takes each person's details.</summary>
    public sealed record GroupHeld(IReadOnlyList<Held> Holds) : AgentBookingResult;

    /// <summary>Every person of the group booked, in the order of their seats.</summary>
    public sealed record GroupBooked(IReadOnlyList<Booked> Bookings) : AgentBookingResult;

    /// <summary>The chosen time and those next to it have fewer free seats than the group has people: nothing held.</summary>
    public sealed record GroupDoesNotFit(int People) : AgentBookingResult;

    /// <summary>People of the group (by their place in it, from 0) whom the service's rule or campaigns refuse: nothing booked.</summary>
    public sealed record GroupNotEligible(IReadOnlyList<(int Person, EligibilityResult Reason)> Refusals) : AgentBookingResult;

    /// <summary>A person's seat could not be booked (<see cref="Reason"/>); those booked before it were cancelled, so
    /// nothing of the group is booked.</summary>
    public sealed record GroupNotBooked(int Person, AgentBookingResult Reason) : AgentBookingResult;
}
