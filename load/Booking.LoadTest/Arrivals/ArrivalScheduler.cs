using System.Collections.Concurrent;

namespace Booking.LoadTest.Arrivals;

/// <summary>What an open-model run did. <paramref name="Dropped"/>: journeys due while every virtual user was busy, not
/// started (k6's <c>dropped_iterations</c>). <paramref name="MaxLag"/>: the latest a journey started after its due time,
/// which says whether the load generator itself kept up.</summary>
public sealed record ArrivalCounts(long Planned, long Started, long Dropped, int PeakBusy, TimeSpan MaxLag);

/// <summary>An open model: journeys start at the planned rate whatever earlier ones take, each on a free virtual user of a
/// bounded pool; a journey due while none is free is dropped and counted, as k6's arrival-rate executors do. Closed-loop
/// users wait for the platform before their next journey, so they measure queueing; arrivals at a fixed rate measure
/// latency.</summary>
public sealed class ArrivalScheduler(ArrivalRate rate, TimeSpan duration, int maxVirtualUsers, IRunClock clock)
{
    /// <summary>Runs until the plan is done or <paramref name="stopping"/> fires, then waits for the journeys in flight.
    /// <paramref name="journey"/> gets the virtual user's number (0 to the pool's size − 1), at most one journey at a time
    /// each; it must not throw.</summary>
    public async Task<ArrivalCounts> RunAsync(Func<int, Task> journey, CancellationToken stopping)
    {
        var free = new ConcurrentStack<int>(Enumerable.Range(0, maxVirtualUsers).Reverse());
        // A virtual user's latest journey: its earlier ones had returned it to the pool, so they are over.
        var latest = new Task?[maxVirtualUsers];
        long started = 0, dropped = 0;
        int busy = 0, peakBusy = 0;
        var maxLag = TimeSpan.Zero;

        for (long n = 0; rate.ArrivalAt(n, duration) is { } due; n++)
        {
            if (due > clock.Elapsed)
                await clock.WaitUntilAsync(due, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stopping.IsCancellationRequested)
                break;
            if (!free.TryPop(out var user))
            {
                dropped++;
                continue;
            }
            started++;
            var lag = clock.Elapsed - due;
            if (lag > maxLag)
                maxLag = lag;
            peakBusy = Math.Max(peakBusy, Interlocked.Increment(ref busy));
            latest[user] = RunAsync(user);
        }
        await Task.WhenAll(latest.OfType<Task>());
        return new ArrivalCounts(rate.Planned(duration), started, dropped, peakBusy, maxLag);

        async Task RunAsync(int user)
        {
            try
            {
                await journey(user);
            }
            finally
            {
                Interlocked.Decrement(ref busy);
                free.Push(user);
            }
        }
    }
}
