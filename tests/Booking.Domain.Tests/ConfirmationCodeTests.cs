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
