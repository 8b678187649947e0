namespace Booking.Domain.Citizens;

/// <summary>What a citizen gives to confirm a booking. At least one contact (e-mail or phone) is required;
/// the phone is in E.164. An e-mail address is only kept with the citizen's consent to be written to (health
/// information goes by e-mail only with consent). Validated at the edge before it gets here. Of the postal code, only
/// the forward sortation area (<see cref="Fsa"/>, e.g. <c>H2X</c>) is kept: the ministry counts by area, and the full code
/// would narrow a person down to a few buildings for no use of ours.</summary>
public sealed record CitizenDetails(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string? HealthCardNumber,
    string? Email,
    string? Phone,
    string Language,
    bool EmailConsent,
    string? Fsa = null);
