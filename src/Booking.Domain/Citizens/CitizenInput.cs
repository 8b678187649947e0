namespace Booking.Domain.Citizens;

// What someone typed about a person, before CitizenValidator checks it: nullable members, so that a missing field is a
// clear validation error, not a binding failure. The citizen API takes them as they are.

public sealed record CitizenBody(string? FirstName, string? LastName, string? BirthDate, string? HealthCardNumber,
    string? Email, string? Phone, string? Language, bool? EmailConsent, string? PostalCode = null);

public sealed record PersonBody(string? FirstName, string? LastName, string? BirthDate, string? HealthCardNumber);

public sealed record ContactBody(string? Email, string? Phone, string? Language, bool? EmailConsent = null);
