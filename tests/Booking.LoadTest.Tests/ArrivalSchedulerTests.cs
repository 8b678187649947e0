using Booking.LoadTest.Arrivals;

namespace Booking.LoadTest.Tests;

/// <summary>The open model against targets of known speed, on a virtual clock: waiting moves time to the instant waited for.</summary>
public class ArrivalSchedulerTests
{
    private sealed class VirtualClock : IRunClock
    {
        public TimeSpan Elapsed { get; private set; }

        public Task WaitUntilAsync(TimeSpan instant, CancellationToken cancellationToken)
        {
            if (instant > Elapsed)
                Elapsed = instant;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Journeys_start_at_the_rate_while_earlier_ones_are_still_waiting_for_a_slow_target()
    {
        var clock = new VirtualClock();
        var target = new TaskCompletionSource();
        var starts = new List<TimeSpan>();
        var scheduler = new ArrivalScheduler(ArrivalRate.Parse("100"), TimeSpan.FromSeconds(1), maxVirtualUsers: 1000, clock);

        var run = scheduler.RunAsync(_ => { starts.Add(clock.Elapsed); return target.Task; }, CancellationToken.None);
        Assert.False(run.IsCompleted);   // every journey is still waiting for the target
        target.SetResult();
        var counts = await run;

        Assert.Equal(Enumerable.Range(0, 100).Select(i => TimeSpan.FromMilliseconds(10 * i)), starts);
        Assert.Equal(new ArrivalCounts(Planned: 100, Started: 100, Dropped: 0, PeakBusy: 100, MaxLag: TimeSpan.Zero), counts);
    }

    [Fact]
    public async Task Journeys_due_while_every_virtual_user_is_busy_are_dropped_and_counted()
    {
        var target = new TaskCompletionSource();
        var users = new HashSet<int>();
        var scheduler = new ArrivalScheduler(ArrivalRate.Parse("50"), TimeSpan.FromSeconds(2), maxVirtualUsers: 8, new VirtualClock());

        var run = scheduler.RunAsync(user => { Assert.True(users.Add(user)); return target.Task; }, CancellationToken.None);
        target.SetResult();
        var counts = await run;

        Assert.Equal(Enumerable.Range(0, 8).ToHashSet(), users);
        Assert.Equal((100L, 8L, 92L, 8), (counts.Planned, counts.Started, counts.Dropped, counts.PeakBusy));
    }

    [Fact]
    public async Task A_virtual_user_whose_journey_ended_takes_the_next_arrival()
    {
        var perUser = new int[2];
        var scheduler = new ArrivalScheduler(ArrivalRate.Parse("10..30"), TimeSpan.FromSeconds(5), maxVirtualUsers: 2, new VirtualClock());

        var counts = await scheduler.RunAsync(user => { perUser[user]++; return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal((100L, 100L, 0L, 1), (counts.Planned, counts.Started, counts.Dropped, counts.PeakBusy));
        Assert.Equal(100, perUser.Sum());
    }

    [Fact]
    public async Task Stopping_ends_the_arrivals_and_waits_for_the_journeys_in_flight()
    {
        using var stop = new CancellationTokenSource();
        var clock = new VirtualClock();
        var target = new TaskCompletionSource();
        var scheduler = new ArrivalScheduler(ArrivalRate.Parse("100"), TimeSpan.FromSeconds(10), maxVirtualUsers: 1000, clock);

        var run = scheduler.RunAsync(_ =>
        {
            if (clock.Elapsed >= TimeSpan.FromSeconds(1))
                stop.Cancel();
            return target.Task;
        }, stop.Token);
        Assert.False(run.IsCompleted);
        target.SetResult();
        var counts = await run;

        Assert.Equal((1000L, 101L, 0L), (counts.Planned, counts.Started, counts.Dropped));
    }
}
