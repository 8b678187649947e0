using System.Globalization;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;

namespace Booking.Domain.Tests;

public class EligibilityCheckTests
{
    private static readonly DateOnly Appointment = new(2026, 12, 1);

    [Theory]
    [InlineData("2008-12-01", true)]  // 18th birthday on the day
    [InlineData("2008-12-02", false)] // turns 18 the day after
    public void Minimum_age_counts_on_the_appointment_date(string birthDate, bool eligible)
    {
        var result = EligibilityCheck.Evaluate(new EligibilityRule(18, null, null), DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), Appointment, []);

        Assert.Equal(eligible, result is EligibilityResult.Eligible);
        if (!eligible)
            Assert.Equal(18, Assert.IsType<EligibilityResult.TooYoung>(result).MinAgeYears);
    }

    [Fact]
    public void Maximum_age_refuses_older_citizens()
    {
        var result = EligibilityCheck.Evaluate(new EligibilityRule(null, 17, null), new DateOnly(2000, 1, 1), Appointment, []);

        Assert.Equal(17, Assert.IsType<EligibilityResult.TooOld>(result).MaxAgeYears);
    }

    [Theory]
    [InlineData("2025-02-28", 0)]
    [InlineData("2025-03-01", 1)]
    [InlineData("2028-02-28", 3)]
    [InlineData("2028-02-29", 4)]
    public void Someone_born_on_29_February_ages_on_1_March_in_common_years(string on, int expectedAge)
    {
        Assert.Equal(expectedAge, EligibilityCheck.AgeOn(new DateOnly(2024, 2, 29), DateOnly.Parse(on, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_second_dose_before_the_minimum_interval_is_refused_with_the_earliest_date()
    {
        var rule = new EligibilityRule(null, null, new MinimumInterval("COVID19", 90));
        var history = new[] { new PreviousAppointment("COVID19", new DateOnly(2026, 10, 1)), new PreviousAppointment("FLU", new DateOnly(2026, 11, 20)) };

        var tooSoon = EligibilityCheck.Evaluate(rule, new DateOnly(1970, 1, 1), Appointment, history);
        var onTime = EligibilityCheck.Evaluate(rule, new DateOnly(1970, 1, 1), new DateOnly(2026, 12, 30), history);

        Assert.Equal(new DateOnly(2026, 12, 30), Assert.IsType<EligibilityResult.TooSoon>(tooSoon).EarliestDate);
        Assert.IsType<EligibilityResult.Eligible>(onTime);
    }

    [Fact]
    public void A_dose_booked_for_later_counts_against_an_earlier_date_too()
    {
        var rule = new EligibilityRule(null, null, new MinimumInterval("COVID19", 90));
        var later = new DateOnly(2027, 1, 15);

        var earlier = EligibilityCheck.Evaluate(rule, new DateOnly(1970, 1, 1), later.AddDays(-89), [new PreviousAppointment("COVID19", later)]);
        var farEnough = EligibilityCheck.Evaluate(rule, new DateOnly(1970, 1, 1), later.AddDays(-90), [new PreviousAppointment("COVID19", later)]);

        Assert.Equal(later.AddDays(90), Assert.IsType<EligibilityResult.TooSoon>(earlier).EarliestDate);
        Assert.IsType<EligibilityResult.Eligible>(farEnough);
    }

    [Fact]
    public void Bookings_of_other_services_do_not_count_against_the_interval()
    {
        var rule = new EligibilityRule(null, null, new MinimumInterval("COVID19", 90));

        var result = EligibilityCheck.Evaluate(rule, new DateOnly(1970, 1, 1), Appointment, [new PreviousAppointment("FLU", Appointment)]);

        Assert.IsType<EligibilityResult.Eligible>(result);
    }
}
