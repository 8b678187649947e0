namespace Booking.Web.Apis;

// Request bodies use nullable members so that a missing field is a clear validation error, not a binding failure.

public sealed record HoldBody(Guid? LocationId, string? Service, DateTimeOffset? Start);

public sealed record CitizenBody(string? FirstName, string? LastName, string? BirthDate, string? HealthCardNumber,
    string? Email, string? Phone, string? Language);

/// <param name="Screening">Answers to the service's screening questions, by question id (yes = true).</param>
/// <param name="PriorityGroups">Groups the citizen declares (health-worker, chronic-condition, pregnant, general).</param>
public sealed record BookingBody(string? HoldId, CitizenBody? Citizen, bool? Consent,
    Dictionary<string, bool?>? Screening = null, List<string?>? PriorityGroups = null);

public sealed record RescheduleBody(string? HoldId);

public sealed record ServiceResponse(string Code, string NameFr, string NameEn, int DurationMinutes);

public sealed record SlotResponse(DateTimeOffset Start, DateTimeOffset End, int Remaining);

public sealed record LocationAvailabilityResponse(Guid LocationId, string Name, string Address, string City, double DistanceKm,
    string TimeZone, IReadOnlyList<SlotResponse> Slots);

public sealed record AvailabilityResponse(string Service, string PostalCode, DateOnly From, int Days, IReadOnlyList<LocationAvailabilityResponse> Locations);

public sealed record HoldResponse(string HoldId, DateTimeOffset ExpiresAt, Guid LocationId, string Service, DateTimeOffset Start, DateTimeOffset End);

public sealed record BookingCreatedResponse(string ConfirmationCode, string ManageToken, Guid LocationId, string Service,
    DateTimeOffset Start, DateTimeOffset End, string Status);

public sealed record CitizenResponse(string FirstName, string LastName, DateOnly BirthDate, string? HealthCardLast4, string? Email,
    string? Phone, string Language);

public sealed record BookingResponse(string ConfirmationCode, string Status, Guid LocationId, string LocationName, string Address,
    string City, string Service, string ServiceNameFr, string ServiceNameEn, DateTimeOffset Start, DateTimeOffset End,
    CitizenResponse Citizen, DateTimeOffset? CancelledAt);

public sealed record ScreeningQuestionResponse(string Id, int Version, string TextFr, string TextEn, bool? BlockingAnswer,
    string? ExplanationFr, string? ExplanationEn);

public sealed record ScreeningResponse(string Service, IReadOnlyList<ScreeningQuestionResponse> Questions);
