using Booking.Domain.WaitingRooms;
using FsCheck;
using FsCheck.Xunit;

namespace Booking.Domain.Tests;

/// <summary>A visitor whose page asks again when <see cref="PollInterval"/> says, against a real queue admitting at its rate.</summary>
public class PollIntervalProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 300)]
    public bool A_visitor_asks_a_handful_of_times_and_sees_their_admission_within_the_shortest_interval(PositiveInt rate, PositiveInt ahead, NonNegativeInt longest)
    {
        var perMinute = 1 + rate.Get % 6000;
        var position = 1 + ahead.Get % 5000;
        var longestSeconds = PollInterval.ShortestSeconds + longest.Get % 300;
        var queue = new AdmissionQueue(T0);
        var ticket = 0L;
        for (var i = 0; i < AdmissionQueue.Burst(perMinute) + position; i++)
            ticket = queue.Issue(T0, perMinute);

        var standing = queue.Standing(ticket, T0, perMinute)!.Value;
        var firstEstimate = standing.EstimatedWaitSeconds;
        var now = T0;
        var lastToldToWait = T0;
        var polls = 0;
        while (!standing.Admitted)
        {
            lastToldToWait = now;
            now = now.AddSeconds(PollInterval.After(standing.EstimatedWaitSeconds, longestSeconds));
            standing = queue.Standing(ticket, now, perMinute)!.Value;
            polls++;
        }

        // Halving from the first estimate down to the shortest interval, the last few at the shortest, and one per longest interval beyond.
        var bound = 2 + Math.Ceiling(Math.Log2(Math.Max(1, firstEstimate / (double)PollInterval.ShortestSeconds))) + firstEstimate / longestSeconds;
        return (now - lastToldToWait).TotalSeconds <= PollInterval.ShortestSeconds && polls <= bound;
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(7, 3)]
    [InlineData(9, 4)]
    [InlineData(100, 50)]
    [InlineData(10_000, 60)]
    public void Half_the_wait_between_the_shortest_and_the_longest_interval(int estimatedWaitSeconds, int expected) =>
        Assert.Equal(expected, PollInterval.After(estimatedWaitSeconds, longestSeconds: 60));
}
