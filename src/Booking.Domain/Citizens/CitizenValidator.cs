using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Booking.Domain.Catalog;
using Booking.Domain.Validation;
using PhoneNumbers;

namespace Booking.Domain.Citizens;

/// <summary>Checks and normalises what a citizen typed: trimmed names, an E.164 phone (Canadian numbers may be
/// typed without +1), a RAMQ-shaped health card number, at least one way to reach them, and the area of an optional
/// postal code.</summary>
public sealed partial class CitizenValidator(TimeProvider clock)
{
    /// <param name="Fsa">The forward sortation area of the postal code given, if one was.</param>
    public sealed record Contact(string? Email, string? Phone, string Language, bool EmailConsent, string? Fsa = null);

    private const int MaxNameLength = 100;
    private const int MaxEmailLength = 254;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public CitizenDetails? Validate(CitizenBody? body, ValidationErrors errors, string prefix = "citizen")
    {
        if (body is null)
        {
            errors.Add(prefix, ErrorCodes.Required, "The citizen's details are required.");
            return null;
        }
        var contact = ValidateContact(new ContactBody(body.Email, body.Phone, body.Language, body.EmailConsent), errors, prefix);
        var fsa = PostalArea(body.PostalCode, errors, $"{prefix}.postalCode");
        return ValidatePerson(new PersonBody(body.FirstName, body.LastName, body.BirthDate, body.HealthCardNumber), contact is null ? null : contact with { Fsa = fsa }, errors, prefix);
    }

    /// <summary>The forward sortation area (<c>H2X</c>) of an optional postal code, checked as the search checks it (a
    /// bare area is enough); null when none was given or it is not a Canadian postal code (then an error is added).</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Part of the validator's API as DI gives it; callers hold the instance.")]
    public string? PostalArea(string? value, ValidationErrors errors, string field = "postalCode")
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (PostalCode.TryParse(value, out var code))
            return code.Fsa;
        errors.Add(field, ErrorCodes.InvalidPostalCode, "Give a Canadian postal code, e.g. H2X 1Y4.");
        return null;
    }

    /// <summary>How to reach a citizen (or the one contact of a group): an e-mail or a phone, and a language.
    /// Appointment messages go by e-mail only with consent (<paramref name="forAppointments"/>); an address given for
    /// another purpose, such as the answer to a complaint, carries its consent in the giving.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "Part of the validator's API as DI gives it; callers hold the instance.")]
    public Contact? ValidateContact(ContactBody? body, ValidationErrors errors, string prefix = "contact", bool forAppointments = true)
    {
        var email = Email(body?.Email, $"{prefix}.email", errors);
        var phone = Phone(body?.Phone, $"{prefix}.phone", errors);
        if (string.IsNullOrWhiteSpace(body?.Email) && string.IsNullOrWhiteSpace(body?.Phone))
            errors.Add($"{prefix}.email", ErrorCodes.ContactRequired, "Give an e-mail address or a phone number so we can send your confirmation.");
        var emailConsent = body?.EmailConsent ?? !forAppointments;
        if (!string.IsNullOrWhiteSpace(body?.Email) && !emailConsent)
            errors.Add($"{prefix}.emailConsent", ErrorCodes.EmailConsentRequired, "Tick the box to agree to receive e-mails, or leave the e-mail address empty.");
        var language = Language(body?.Language, $"{prefix}.language", errors);
        return errors.Any ? null : new Contact(email, phone, language, emailConsent);
    }

    /// <summary>Someone booked at the clinic's door: nothing is sent to them, so there is no e-mail and the phone is
    /// optional; who they are is checked as any citizen's.</summary>
    public CitizenDetails? ValidateWalkIn(PersonBody body, string? phone, string? language, ValidationErrors errors, string prefix = "citizen",
        string? postalCode = null)
    {
        var number = Phone(phone, $"{prefix}.phone", errors);
        var spoken = Language(language, $"{prefix}.language", errors);
        var fsa = PostalArea(postalCode, errors, $"{prefix}.postalCode");
        return ValidatePerson(body, errors.Any ? null : new Contact(null, number, spoken, EmailConsent: false, fsa), errors, prefix);
    }

    /// <summary>Who the appointment is for; <paramref name="contact"/> is null when it was invalid (then so is the result).</summary>
    public CitizenDetails? ValidatePerson(PersonBody? body, Contact? contact, ValidationErrors errors, string prefix)
    {
        if (body is null)
        {
            errors.Add(prefix, ErrorCodes.Required, "The person's details are required.");
            return null;
        }
        var firstName = Name(body.FirstName, $"{prefix}.firstName", errors);
        var lastName = Name(body.LastName, $"{prefix}.lastName", errors);
        var birthDate = BirthDate(body.BirthDate, $"{prefix}.birthDate", errors);
        var card = HealthCard(body.HealthCardNumber, $"{prefix}.healthCardNumber", errors);
        return errors.Any || contact is null ? null
            : new CitizenDetails(firstName!, lastName!, birthDate!.Value, card, contact.Email, contact.Phone, contact.Language, contact.EmailConsent,
                contact.Fsa);
    }

    private static string? Name(string? value, string field, ValidationErrors errors)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
            errors.Add(field, ErrorCodes.Required, "This field is required.");
        else if (name.Length > MaxNameLength)
            errors.Add(field, ErrorCodes.TooLong, $"At most {MaxNameLength} characters.");
        else if (!NamePattern().IsMatch(name))
            errors.Add(field, ErrorCodes.InvalidCharacters, "Use letters, spaces, hyphens and apostrophes only.");
        else
            return name;
        return null;
    }

    private static string Language(string? value, string field, ValidationErrors errors)
    {
        var language = (value ?? "fr").Trim().ToLowerInvariant();
        if (language is not ("fr" or "en"))
            errors.Add(field, ErrorCodes.InvalidLanguage, "Language must be \"fr\" or \"en\".");
        return language;
    }

    private DateOnly? BirthDate(string? value, string field, ValidationErrors errors)
    {
        if (!DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, ErrorCodes.InvalidDate, "Give the birth date as YYYY-MM-DD.");
            return null;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (date > today || date < today.AddYears(-130))
        {
            errors.Add(field, ErrorCodes.NotPlausible, "This birth date is not plausible.");
            return null;
        }
        return date;
    }

    private static string? HealthCard(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var card = new string(value.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (HealthCardPattern().IsMatch(card))
            return card;
        errors.Add(field, ErrorCodes.InvalidHealthCard, "A Québec health insurance number has 4 letters and 8 digits, e.g. TREM 8005 0112.");
        return null;
    }

    private static string? Email(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var email = value.Trim();
        if (email.Length <= MaxEmailLength && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Contains('.'))
            return email;
        errors.Add(field, ErrorCodes.InvalidEmail, "This e-mail address is not valid.");
        return null;
    }

    private static string? Phone(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        try
        {
            var number = Phones.Parse(value, "CA");
            if (Phones.IsValidNumber(number))
                return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            // Reported below like any other invalid number.
        }
        errors.Add(field, ErrorCodes.InvalidPhone, "This phone number is not valid. Example: 514 555-0123 or +1 514 555 0123.");
        return null;
    }

    [GeneratedRegex(@"^[\p{L}][\p{L}\p{M} '’.-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Z]{4}[0-9]{8}$")]
    private static partial Regex HealthCardPattern();
}
