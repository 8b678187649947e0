using Booking.Domain.Catalog;
using Booking.Domain.Citizens;

namespace Booking.Web.Apis;

// Request bodies use nullable members so that a missing field is a clear validation error, not a binding failure.

public sealed record HoldBody(Guid? LocationId, string? Service, DateTimeOffset? Start);

/// <param name="Screening">Answers to the service's screening questions, by question id (yes = true).</param>
/// <param name="PriorityGroups">Groups the citizen declares (health-worker, chronic-condition, pregnant, general).</param>
public sealed record BookingBody(string? HoldId, CitizenBody? Citizen, bool? Consent,
    Dictionary<string, bool?>? Screening = null, List<string?>? PriorityGroups = null);

public sealed record RescheduleBody(string? HoldId);

public sealed record GroupHoldBody(Guid? LocationId, string? Service, DateTimeOffset? Start, int? People);

/// <summary>One person of a group booking: their details, screening answers and declared priority groups.</summary>
public sealed record GroupMemberBody(string? FirstName, string? LastName, string? BirthDate, string? HealthCardNumber,
    Dictionary<string, bool?>? Screening = null, List<string?>? PriorityGroups = null)
{
    public PersonBody ToPerson() => new(FirstName, LastName, BirthDate, HealthCardNumber);
}

/// <summary><see cref="HoldIds"/>[i] is confirmed for <see cref="People"/>[i]; <see cref="Contact"/> receives every confirmation.</summary>
public sealed record GroupBookingBody(List<string?>? HoldIds, List<GroupMemberBody?>? People, ContactBody? Contact, bool? Consent);

public sealed record GroupHoldResponse(IReadOnlyList<HoldResponse> Holds);

public sealed record GroupBookingResponse(IReadOnlyList<BookingCreatedResponse> Bookings);

public sealed record ServiceResponse(string Code, string NameFr, string NameEn, int DurationMinutes);

public sealed record SlotResponse(DateTimeOffset Start, DateTimeOffset End, int Remaining);

/// <summary>What a clinic tells citizens about getting there (access, parking), as its staff wrote it: plain text, in
/// French and in English; null where it wrote none.</summary>
public sealed record ClinicNotesResponse(string? Fr, string? En)
{
    public static ClinicNotesResponse? Of(Location location) =>
        string.IsNullOrWhiteSpace(location.NotesFr) && string.IsNullOrWhiteSpace(location.NotesEn) ? null
            : new(NullIfBlank(location.NotesFr), NullIfBlank(location.NotesEn));

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record LocationAvailabilityResponse(Guid LocationId, string Name, string Address, string City, double DistanceKm,
    string TimeZone, IReadOnlyList<SlotResponse> Slots, ClinicNotesResponse? Notes);

public sealed record AvailabilityResponse(string Service, string PostalCode, DateOnly From, int Days, IReadOnlyList<LocationAvailabilityResponse> Locations);

public sealed record HoldResponse(string HoldId, DateTimeOffset ExpiresAt, Guid LocationId, string Service, DateTimeOffset Start, DateTimeOffset End);

public sealed record BookingCreatedResponse(string ConfirmationCode, string ManageToken, Guid LocationId, string Service,
    DateTimeOffset Start, DateTimeOffset End, string Status);

public sealed record CitizenResponse(string FirstName, string LastName, DateOnly BirthDate, string? HealthCardLast4, string? Email,
    string? Phone, string Language, bool EmailConsent);

public sealed record BookingResponse(string ConfirmationCode, string Status, Guid LocationId, string LocationName, string Address,
    string City, string Service, string ServiceNameFr, string ServiceNameEn, DateTimeOffset Start, DateTimeOffset End,
    CitizenResponse Citizen, DateTimeOffset? CancelledAt, ClinicNotesResponse? LocationNotes);

public sealed record ScreeningQuestionResponse(string Id, int Version, string TextFr, string TextEn, bool? BlockingAnswer,
    string? ExplanationFr, string? ExplanationEn);

public sealed record ScreeningResponse(string Service, IReadOnlyList<ScreeningQuestionResponse> Questions);

public sealed record FieldCorrectionBody(string? Field, string? Value);

public sealed record CorrectionBody(List<FieldCorrectionBody?>? Corrections, string? Note);

public sealed record ComplaintBody(string? Name, ContactBody? Contact, string? Grounds, string? ConfirmationCode);

/// <summary>A correction request or complaint as received: <see cref="Reference"/> is what a complainant quotes.</summary>
public sealed record PrivacyRequestResponse(Guid Id, string? Reference, string Status, DateTimeOffset ReceivedAt);

public sealed record HeldBookingResponse(string ConfirmationCode, string Status, Guid LocationId, string LocationName, string Service,
    DateTimeOffset Start, DateTimeOffset End, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt);

public sealed record ScreeningAnswerResponse(string QuestionId, int QuestionVersion, string QuestionFr, string QuestionEn, bool Answer);

public sealed record CorrectionRequestResponse(Guid Id, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt, string? Answer,
    IReadOnlyList<FieldCorrectionBody> Corrections, string? Note);

public sealed record AccessResponse(DateTimeOffset OccurredAt, string Actor, string Access, string Table, string Program);

/// <summary>Everything held about a citizen for one booking (Law 25, s. 27), decrypted for them.</summary>
public sealed record PersonalInformationResponse(HeldBookingResponse Booking, Domain.Citizens.CitizenDetails Citizen,
    IReadOnlyList<ScreeningAnswerResponse> Screening, IReadOnlyList<string> PriorityGroups,
    IReadOnlyList<CorrectionRequestResponse> CorrectionRequests, IReadOnlyList<AccessResponse> Accesses);

/// <summary>Asking to be offered a seat that frees up: a service near a postal code, between two dates, and how to be told.</summary>
public sealed record WaitingListBody(string? Service, string? PostalCode, int? DistanceKm, string? From, string? To, ContactBody? Contact, bool? Consent);

public sealed record WaitingListJoinedResponse(string Status, string Detail);

/// <summary>A seat offered from the waiting list, held until <see cref="ExpiresAt"/>: book it with <c>POST …/accept</c>.</summary>
public sealed record WaitingListOfferResponse(Guid OfferId, Guid LocationId, string LocationName, string Service, DateTimeOffset Start,
    DateTimeOffset End, DateTimeOffset ExpiresAt, string Status);
