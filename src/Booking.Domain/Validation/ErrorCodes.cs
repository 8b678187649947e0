namespace Booking.Domain.Validation;

/// <summary>The stable codes of <see cref="ValidationError"/>: part of the API contract, so pages and apps can show
/// their own wording (FR/EN) for each. Never rename one; add a new code instead.</summary>
public static class ErrorCodes
{
    public const string Required = "required";
    public const string TooLong = "too_long";
    public const string InvalidCharacters = "invalid_characters";
    public const string InvalidDate = "invalid_date";
    public const string NotPlausible = "not_plausible";
    public const string OutOfRange = "out_of_range";
    public const string InvalidHealthCard = "invalid_health_card";
    public const string InvalidEmail = "invalid_email";
    public const string InvalidPhone = "invalid_phone";
    public const string ContactRequired = "contact_required";
    public const string InvalidLanguage = "invalid_language";
    public const string UnknownService = "unknown_service";
    public const string InvalidPostalCode = "invalid_postal_code";
    public const string UnknownPostalCode = "unknown_postal_code";
    public const string ConsentRequired = "consent_required";
    public const string EmailConsentRequired = "email_consent_required";
    public const string WrongService = "wrong_service";
    public const string UnknownPriorityGroup = "unknown_priority_group";
    public const string UnknownHold = "unknown_hold";
    public const string DuplicateHold = "duplicate_hold";
    public const string UnknownField = "unknown_field";
    public const string InvalidConfirmationCode = "invalid_confirmation_code";
    /// <summary>In a group booking, an answer that stops that person's booking (the message is the explanation).</summary>
    public const string ScreeningBlocked = "screening_blocked";
}
