using Booking.Data.Privacy;
using Booking.Web.Availability;

namespace Booking.Web.Bookings;

// What the booking services answer a citizen; the pages render these and the API returns them as they are.

public sealed record HoldResponse(string HoldId, DateTimeOffset ExpiresAt, Guid LocationId, string Service, DateTimeOffset Start, DateTimeOffset End);

public sealed record GroupHoldResponse(IReadOnlyList<HoldResponse> Holds);

public sealed record BookingCreatedResponse(string ConfirmationCode, string ManageToken, Guid LocationId, string Service,
    DateTimeOffset Start, DateTimeOffset End, string Status);

public sealed record GroupBookingResponse(IReadOnlyList<BookingCreatedResponse> Bookings);

public sealed record CitizenResponse(string FirstName, string LastName, DateOnly BirthDate, string? HealthCardLast4, string? Email,
    string? Phone, string Language, bool EmailConsent);

/// <remarks><see cref="Citizen"/> is null once the citizen's details were erased under the retention rule: the booking's
/// facts stay.</remarks>
public sealed record BookingResponse(string ConfirmationCode, string Status, Guid LocationId, string LocationName, string Address,
    string City, string Service, string ServiceNameFr, string ServiceNameEn, DateTimeOffset Start, DateTimeOffset End,
    CitizenResponse? Citizen, DateTimeOffset? CancelledAt, ClinicNotesResponse? LocationNotes);

/// <summary>A correction request or complaint as received: <see cref="Reference"/> is what a complainant quotes.</summary>
public sealed record PrivacyRequestResponse(Guid Id, string? Reference, string Status, DateTimeOffset ReceivedAt);

public sealed record HeldBookingResponse(string ConfirmationCode, string Status, Guid LocationId, string LocationName, string Service,
    DateTimeOffset Start, DateTimeOffset End, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt);

public sealed record ScreeningAnswerResponse(string QuestionId, int QuestionVersion, string QuestionFr, string QuestionEn, bool Answer);

public sealed record CorrectionRequestResponse(Guid Id, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt, string? Answer,
    IReadOnlyList<FieldCorrection> Corrections, string? Note);

/// <summary>A request for what is held, made to staff by phone, letter, e-mail or in person and recorded by them.</summary>
public sealed record AccessRequestResponse(Guid Id, string Status, string Channel, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt, string? Answer,
    string Note);

public sealed record AccessResponse(DateTimeOffset OccurredAt, string Actor, string Access, string Table, string Program);

/// <summary>Everything held about a citizen for one booking (Law 25, s. 27), decrypted for them.</summary>
/// <remarks><see cref="Citizen"/> is null once the details were erased under the retention rule.</remarks>
public sealed record PersonalInformationResponse(HeldBookingResponse Booking, Domain.Citizens.CitizenDetails? Citizen,
    IReadOnlyList<ScreeningAnswerResponse> Screening, IReadOnlyList<string> PriorityGroups,
    IReadOnlyList<CorrectionRequestResponse> CorrectionRequests, IReadOnlyList<AccessRequestResponse> AccessRequests,
    IReadOnlyList<AccessResponse> Accesses);

public sealed record WaitingListJoinedResponse(string Status, string Detail);

/// <summary>A seat offered from the waiting list, held until <see cref="ExpiresAt"/>: book it with <c>POST …/accept</c>.</summary>
public sealed record WaitingListOfferResponse(Guid OfferId, Guid LocationId, string LocationName, string Service, DateTimeOffset Start,
    DateTimeOffset End, DateTimeOffset ExpiresAt, string Status);
