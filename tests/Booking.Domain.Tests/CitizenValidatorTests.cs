using Booking.Domain.Citizens;
using Booking.Domain.Validation;

namespace Booking.Domain.Tests;

/// <summary>Someone booked at the clinic's door is checked by the citizen site's rules, with its codes, but needs no way
/// to be reached: nothing is sent to them.</summary>
public sealed class CitizenValidatorTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly CitizenValidator Validator = new(new FixedClock(new DateTimeOffset(2027, 3, 15, 14, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_walk_in_needs_neither_an_email_nor_a_phone()
    {
        var errors = new ValidationErrors();

        var person = Validator.ValidateWalkIn(new PersonBody(" Josée ", "Passant", "1970-01-15", "trem 8005 0112"), null, "en", errors);

        Assert.False(errors.Any);
        Assert.Equal(new CitizenDetails("Josée", "Passant", new DateOnly(1970, 1, 15), "TREM80050112", null, null, "en", false), person);
    }

    [Fact]
    public void A_walk_ins_phone_is_kept_as_the_citizen_sites_is()
    {
        var errors = new ValidationErrors();

        var person = Validator.ValidateWalkIn(new PersonBody("Josée", "Passant", "1970-01-15", null), "514 555-0123", "fr", errors);

        Assert.Equal("+15145550123", person?.Phone);
    }

    [Fact]
    public void Wrong_walk_in_details_get_the_citizen_sites_codes_by_field()
    {
        var errors = new ValidationErrors();

        var person = Validator.ValidateWalkIn(new PersonBody("", "Passant3", "2999-01-01", "123"), "12", "de", errors);

        Assert.Null(person);
        Assert.Equal(new Dictionary<string, string>
        {
            ["citizen.firstName"] = ErrorCodes.Required,
            ["citizen.lastName"] = ErrorCodes.InvalidCharacters,
            ["citizen.birthDate"] = ErrorCodes.NotPlausible,
            ["citizen.healthCardNumber"] = ErrorCodes.InvalidHealthCard,
            ["citizen.phone"] = ErrorCodes.InvalidPhone,
            ["citizen.language"] = ErrorCodes.InvalidLanguage,
        }, errors.ByField.ToDictionary(f => f.Key, f => Assert.Single(f.Value).Code));
    }

    [Theory]
    [InlineData("h2x 1y4", "H2X")]
    [InlineData("G0A-1B0", "G0A")]
    [InlineData("H2X", "H2X")]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    public void Of_a_postal_code_only_its_area_is_kept(string? postalCode, string? fsa)
    {
        var errors = new ValidationErrors();

        var citizen = Validator.Validate(new CitizenBody("Josée", "Passant", "1970-01-15", null, null, "514 555-0123", "fr", false, postalCode), errors);

        Assert.False(errors.Any);
        Assert.Equal(fsa, citizen?.Fsa);
    }

    [Fact]
    public void A_postal_code_that_is_not_canadian_is_refused_on_its_field()
    {
        var errors = new ValidationErrors();

        var person = Validator.ValidateWalkIn(new PersonBody("Josée", "Passant", "1970-01-15", null), null, "fr", errors, postalCode: "90210");

        Assert.Null(person);
        Assert.Equal(ErrorCodes.InvalidPostalCode, Assert.Single(Assert.Single(errors.ByField, f => f.Key == "citizen.postalCode").Value).Code);
    }
}
