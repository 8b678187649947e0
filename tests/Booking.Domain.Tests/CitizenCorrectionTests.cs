using Booking.Domain.Citizens;
using Booking.Domain.Validation;

namespace Booking.Domain.Tests;

/// <summary>An accepted correction gives the citizen the values asked for, checked as at booking, and nothing else.</summary>
public sealed class CitizenCorrectionTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly CitizenValidator Validator = new(new FixedClock(new DateTimeOffset(2027, 3, 15, 14, 0, 0, TimeSpan.Zero)));

    private static readonly CitizenDetails Booked =
        new("Marie", "Tremblay", new DateOnly(1961, 4, 2), "TREM61540212", "marie@example.org", "+15145551234", "fr", true, "H2X");

    private static CitizenDetails? Apply(CitizenDetails current, ValidationErrors errors, params (string, string)[] corrections) =>
        CitizenCorrection.Apply(current, corrections, Validator, errors);

    [Fact]
    public void The_fields_asked_for_are_normalised_as_at_booking_and_the_rest_is_kept()
    {
        var errors = new ValidationErrors();

        var corrected = Apply(Booked, errors, (CitizenCorrection.LastName, " Tremblay-Roy "), (CitizenCorrection.HealthCardNumber, "trem 6154 0299"),
            (CitizenCorrection.Phone, "514 555 0123"));

        Assert.False(errors.Any);
        Assert.Equal(Booked with { LastName = "Tremblay-Roy", HealthCardNumber = "TREM61540299", Phone = "+15145550123" }, corrected);
    }

    [Fact]
    public void A_walk_in_with_no_contact_has_their_name_corrected_without_being_asked_for_one()
    {
        var walkIn = Booked with { Email = null, Phone = null, EmailConsent = false };
        var errors = new ValidationErrors();

        var corrected = Apply(walkIn, errors, (CitizenCorrection.FirstName, "Marie-Ève"));

        Assert.False(errors.Any);
        Assert.Equal(walkIn with { FirstName = "Marie-Ève" }, corrected);
    }

    [Fact]
    public void An_address_the_citizen_gives_in_their_request_may_be_written_to()
    {
        var byPhone = Booked with { Email = null, EmailConsent = false };
        var errors = new ValidationErrors();

        var corrected = Apply(byPhone, errors, (CitizenCorrection.Email, "marie.t@example.org"));

        Assert.Equal(("marie.t@example.org", true), (corrected?.Email, corrected?.EmailConsent));
    }

    [Theory]
    [InlineData(CitizenCorrection.BirthDate, "2 avril 1961", "citizen.birthDate")]
    [InlineData(CitizenCorrection.BirthDate, "2031-01-01", "citizen.birthDate")]
    [InlineData(CitizenCorrection.HealthCardNumber, "123", "citizen.healthCardNumber")]
    [InlineData(CitizenCorrection.Language, "de", "citizen.language")]
    public void A_value_that_fails_the_booking_checks_corrects_nothing(string field, string value, string failed)
    {
        var errors = new ValidationErrors();

        var corrected = Apply(Booked, errors, (field, value));

        Assert.Null(corrected);
        Assert.Equal([failed], errors.ByField.Keys);
    }

    [Fact]
    public void An_address_removed_takes_its_consent_with_it()
    {
        var errors = new ValidationErrors();

        var corrected = Apply(Booked, errors, (CitizenCorrection.Email, ""));

        Assert.Equal(((string?)null, false, "+15145551234"), (corrected?.Email, corrected?.EmailConsent, corrected?.Phone));
    }

    [Fact]
    public void Removing_the_only_contact_is_refused()
    {
        var byEmail = Booked with { Phone = null };
        var errors = new ValidationErrors();

        Assert.Null(Apply(byEmail, errors, (CitizenCorrection.Email, "")));
        Assert.Contains("citizen.email", errors.ByField.Keys);
    }
}
