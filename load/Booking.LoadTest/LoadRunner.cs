using System.Diagnostics;
using Booking.LoadTest.Arrivals;
using Booking.LoadTest.Scenarios;

namespace Booking.LoadTest;

/// <summary><paramref name="HarnessFailed"/>: a virtual user hit a bug of this tool (not an answer of the platform) and the
/// run was stopped early; its numbers are reported but the run does not count as completed. <paramref name="Arrivals"/>:
/// what the open model did (null for closed-loop users).</summary>
public sealed record RunTiming(DateTimeOffset StartedAt, long StartTimestamp, TimeSpan Elapsed, string StopReason, bool HarnessFailed,
    string? LoadAverageAtStart = null, ArrivalCounts? Arrivals = null);

/// <summary>Runs the scenario until the budget stops the run, printing a progress line every few seconds: either N
/// closed-loop virtual users, each an async loop of the scenario's iteration, started evenly over the ramp-up; or, when
/// the settings name an arrival rate, one journey per arrival (<see cref="ArrivalScheduler"/>).</summary>
public static class LoadRunner
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public static async Task<RunTiming> RunAsync(IScenario scenario, ScenarioSettings settings, RunBudget budget, RunMetrics metrics)
    {
        var loadAverage = MachineInfo.LoadAverage();
        var startedAt = DateTimeOffset.UtcNow;
        var startTimestamp = Stopwatch.GetTimestamp();
        var clock = new StopwatchRunClock();
        Exception? harnessFault = null;
        ArrivalCounts? arrivals = null;
        var run = settings.Arrivals is { } open ? RunOpenAsync(open) : RunClosedAsync();
        while (await Task.WhenAny(run, Task.Delay(ProgressEvery)) != run)
            Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0}s  {metrics.TotalRequests,9} requests  " +
                $"{metrics[Step.Confirm].Succeeded,7} confirmed  {metrics.Steps.Values.Sum(s => s.Errors.Values.Sum()),6} errors");
        await run;
        if (harnessFault is not null)
            // Every user has finished by now: report what was measured, then let the invariants be checked anyway.
            Console.Error.WriteLine($"The load harness failed: {harnessFault}");
        return new RunTiming(startedAt, startTimestamp, clock.Elapsed, budget.StopReason ?? $"{settings.DurationSeconds} s elapsed",
            harnessFault is not null, loadAverage, arrivals);

        Task RunClosedAsync() => Task.WhenAll(Enumerable.Range(0, settings.VirtualUsers).Select(id => Task.Run(async () =>
        {
            var user = new VirtualUser(id, settings.ThinkTimeMs, budget.Stopping);
            // Linear ramp-up: user i starts at i/N of the ramp-up time.
            var startAfter = TimeSpan.FromSeconds(settings.RampUpSeconds * (double)id / settings.VirtualUsers);
            if (startAfter > TimeSpan.Zero)
                await Task.Delay(startAfter, budget.Stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            while (!budget.IsStopping && await RunJourneyAsync(user))
            {
            }
        })));

        async Task RunOpenAsync(OpenModel open)
        {
            // Pre-allocated, as k6's VUs: a virtual user keeps its random source from one journey to the next.
            var users = Enumerable.Range(0, open.MaxVirtualUsers).Select(id => new VirtualUser(id, settings.ThinkTimeMs, budget.Stopping)).ToArray();
            var scheduler = new ArrivalScheduler(open.Rate, TimeSpan.FromSeconds(settings.DurationSeconds), open.MaxVirtualUsers, clock);
            arrivals = await scheduler.RunAsync(id => RunJourneyAsync(users[id]), budget.Stopping);
        }

        // A bug in the harness, not an answer from the platform: stop everyone rather than report a skewed run.
        async Task<bool> RunJourneyAsync(VirtualUser user)
        {
            try
            {
                await scenario.RunIterationAsync(user);
                return true;
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref harnessFault, e, null);
                budget.Stop($"virtual user {user.Id} failed: {e.GetType().Name}: {e.Message}");
                return false;
            }
        }
    }
}
