using Booking.Domain.Bookings;
using Booking.Domain.Catalog;

namespace Booking.Domain.Tests;

public class ConfirmationCodeTests
{
    [Fact]
    public void New_codes_read_back_as_themselves_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => ConfirmationCode.New()).ToList();

        Assert.All(codes, c => Assert.True(ConfirmationCode.TryNormalise(c, out var same) && same == c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    /// <summary>A code is as hard to guess as its alphabet allows only if every character is equally likely: mapping
    /// random bytes onto 25 characters without dropping the last six values would favour six of them by a tenth, which
    /// this chi-squared test over 200 000 characters sees as a statistic near 370 (24 degrees of freedom; 75 is
    /// exceeded by chance less than once in two million runs).</summary>
    [Fact]
    public void Every_character_of_the_alphabet_is_equally_likely()
    {
        var counts = Enumerable.Range(0, 20_000).SelectMany(_ => ConfirmationCode.New().Replace("-", ""))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var expected = 200_000 / 25.0;

        Assert.Equal(25, counts.Count);
        var chiSquared = counts.Values.Sum(n => (n - expected) * (n - expected) / expected);
        Assert.True(chiSquared < 75, $"chi-squared {chiSquared:0.0} over 24 degrees of freedom");
    }

    [Theory]
    [InlineData("k7mq3xprwa", "K7MQ3-XPRWA")]
    [InlineData(" K7MQ3 XPRWA ", "K7MQ3-XPRWA")]
    public void What_people_type_is_normalised(string typed, string expected)
    {
        Assert.True(ConfirmationCode.TryNormalise(typed, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("K7MQ3-XPRW0")] // 0 is not in the alphabet (looks like O)
    [InlineData("K7MQ3-XPRW")]
    [InlineData("")]
    [InlineData(null)]
    public void Look_alikes_and_wrong_lengths_are_refused(string? typed)
    {
        Assert.False(ConfirmationCode.TryNormalise(typed, out _));
    }
}

public class GeoPointTests
{
    [Fact]
    public void Montreal_to_Quebec_City_is_about_233_km()
    {
        var montreal = new GeoPoint(45.5017, -73.5673);
        var quebec = new GeoPoint(46.8139, -71.2080);

        Assert.InRange(montreal.DistanceKmTo(quebec), 228, 238);
        Assert.Equal(0, montreal.DistanceKmTo(montreal), 6);
    }
}
