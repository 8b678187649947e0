using Booking.Domain.Citizens;

namespace Booking.Web.Bookings;

// What a citizen asks of the booking services, from a page's form or an API body alike. Members are nullable so that a
// missing field is a clear validation error from the service, not a binding failure.

public sealed record CitizenHoldRequest(Guid? LocationId, string? Service, DateTimeOffset? Start);

/// <param name="Screening">Answers to the service's screening questions, by question id (yes = true).</param>
/// <param name="PriorityGroups">Groups the citizen declares (health-worker, chronic-condition, pregnant, general).</param>
public sealed record BookingRequest(string? HoldId, CitizenBody? Citizen, bool? Consent,
    Dictionary<string, bool?>? Screening = null, List<string?>? PriorityGroups = null);

public sealed record RescheduleRequest(string? HoldId);

public sealed record GroupHoldRequest(Guid? LocationId, string? Service, DateTimeOffset? Start, int? People);

/// <summary>One person of a group booking: their details, screening answers and declared priority groups.</summary>
public sealed record GroupMember(string? FirstName, string? LastName, string? BirthDate, string? HealthCardNumber,
    Dictionary<string, bool?>? Screening = null, List<string?>? PriorityGroups = null)
{
    public PersonBody ToPerson() => new(FirstName, LastName, BirthDate, HealthCardNumber);
}

/// <summary><see cref="HoldIds"/>[i] is confirmed for <see cref="People"/>[i]; <see cref="Contact"/> receives every confirmation.
/// <see cref="PostalCode"/>, optional, is the household's: only its area is kept, with each booking.</summary>
public sealed record GroupBookingRequest(List<string?>? HoldIds, List<GroupMember?>? People, ContactBody? Contact, bool? Consent,
    string? PostalCode = null);

public sealed record RequestedCorrection(string? Field, string? Value);

public sealed record CitizenCorrectionRequest(List<RequestedCorrection?>? Corrections, string? Note);

public sealed record ComplaintRequest(string? Name, ContactBody? Contact, string? Grounds, string? ConfirmationCode);

/// <summary>Asking to be offered a seat that frees up: a service near a postal code, between two dates, and how to be told.</summary>
public sealed record WaitingListRequest(string? Service, string? PostalCode, int? DistanceKm, string? From, string? To, ContactBody? Contact, bool? Consent);
