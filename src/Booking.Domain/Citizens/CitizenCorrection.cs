using System.Globalization;
using Booking.Domain.Validation;

namespace Booking.Domain.Citizens;

/// <summary>
/// What of a booking's citizen a citizen may ask to have corrected (Québec's Law 25, s. 28), named as the request names
/// it, and what an accepted request makes of their details: the values asked for, checked by the same rules as at
/// booking (<see cref="CitizenValidator"/>).
/// </summary>
public static class CitizenCorrection
{
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string BirthDate = "birthDate";
    public const string HealthCardNumber = "healthCardNumber";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Language = "language";

    public static readonly IReadOnlyList<string> Fields = [FirstName, LastName, BirthDate, HealthCardNumber, Email, Phone, Language];

    /// <param name="corrections">Field and value pairs, as the citizen asked; an empty value removes an optional field
    /// (the health card, one of the two contacts).</param>
    /// <returns>The corrected details, or null with the reasons in <paramref name="errors"/> (fields under
    /// <c>citizen.</c>).</returns>
    public static CitizenDetails? Apply(CitizenDetails current, IEnumerable<(string Field, string Value)> corrections, CitizenValidator validator,
        ValidationErrors errors)
    {
        var asked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in corrections)
            asked[field] = value;
        string? Value(string field, string? now) => asked.TryGetValue(field, out var value) ? value : now;

        var person = new PersonBody(Value(FirstName, current.FirstName), Value(LastName, current.LastName),
            Value(BirthDate, current.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Value(HealthCardNumber, current.HealthCardNumber));
        // Only a changed contact is checked as a contact: a walk-in has none, and correcting their name must not ask for one.
        // An address the citizen gives in their request carries their consent to be written to there.
        var email = Value(Email, current.Email);
        var contact = asked.ContainsKey(Email) || asked.ContainsKey(Phone) || asked.ContainsKey(Language)
            ? validator.ValidateContact(new ContactBody(email, Value(Phone, current.Phone), Value(Language, current.Language),
                !string.IsNullOrWhiteSpace(email) && (current.EmailConsent || asked.ContainsKey(Email))), errors, "citizen")
            : new CitizenValidator.Contact(current.Email, current.Phone, current.Language, current.EmailConsent);
        return validator.ValidatePerson(person, contact is null ? null : contact with { Fsa = current.Fsa }, errors, "citizen");
    }
}
