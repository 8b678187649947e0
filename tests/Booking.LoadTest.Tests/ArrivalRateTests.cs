using Booking.LoadTest;
using Booking.LoadTest.Arrivals;

namespace Booking.LoadTest.Tests;

public class ArrivalRateTests
{
    [Fact]
    public void A_constant_rate_starts_a_journey_every_period_from_the_first_instant()
    {
        var rate = ArrivalRate.Parse("250");
        var run = TimeSpan.FromSeconds(2);

        Assert.Equal(500, rate.Planned(run));
        Assert.Equal(TimeSpan.Zero, rate.ArrivalAt(0, run));
        Assert.Equal(TimeSpan.FromMilliseconds(4), rate.ArrivalAt(1, run));
        Assert.Equal(TimeSpan.FromMilliseconds(1996), rate.ArrivalAt(499, run));
        Assert.Null(rate.ArrivalAt(500, run));
    }

    [Fact]
    public void A_ramp_plans_the_area_under_the_rate_and_packs_arrivals_closer_as_it_rises()
    {
        var rate = ArrivalRate.Parse("0..100");
        var run = TimeSpan.FromSeconds(10);

        Assert.Equal(500, rate.Planned(run));
        // n journeys are due by t = sqrt(2nT / 100): 5 s for n = 125, a quarter of the plan in half the run.
        Assert.Equal(5.0, rate.ArrivalAt(125, run)!.Value.TotalSeconds, precision: 6);
        Assert.Equal(Math.Sqrt(2 * 499 * 10 / 100.0), rate.ArrivalAt(499, run)!.Value.TotalSeconds, precision: 6);
        Assert.Null(rate.ArrivalAt(500, run));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("fast")]
    [InlineData("100..")]
    [InlineData("1..2..3")]
    public void A_rate_that_is_not_journeys_per_second_is_refused_by_name(string text) =>
        Assert.Contains("--rate", Assert.Throws<UsageException>(() => ArrivalRate.Parse(text)).Message);
}
