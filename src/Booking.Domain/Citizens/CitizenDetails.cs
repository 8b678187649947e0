namespace Booking.Domain.Citizens;

/// <summary>What a citizen gives to confirm a booking. At least one contact (e-mail or phone) is required;
/// the phone is in E.164. Validated at the edge before it gets here.</summary>
public sealed record CitizenDetails(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string? HealthCardNumber,
    string? Email,
    string? Phone,
    string Language);
