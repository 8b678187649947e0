using Booking.Web.Site;

namespace Booking.Web.ComponentTests;

public class CountdownTests
{
    [Theory]
    [InlineData(570, "9 min 30 s")]
    [InlineData(65, "1 min 05 s")]
    [InlineData(59.2, "1 min 00 s")]
    [InlineData(0.4, "0 min 01 s")]
    [InlineData(0, "0 min 00 s")]
    [InlineData(-3, "0 min 00 s")]
    public void Time_left_is_shown_in_minutes_and_seconds_rounded_up(double seconds, string expected) =>
        Assert.Equal(expected, Countdown.Format(TimeSpan.FromSeconds(seconds)));
}
