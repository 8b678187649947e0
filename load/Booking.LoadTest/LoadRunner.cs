using System.Diagnostics;
using Booking.LoadTest.Scenarios;

namespace Booking.LoadTest;

/// <summary><paramref name="HarnessFailed"/>: a virtual user hit a bug of this tool (not an answer of the platform) and the
/// run was stopped early; its numbers are reported but the run does not count as completed.</summary>
public sealed record RunTiming(DateTimeOffset StartedAt, long StartTimestamp, TimeSpan Elapsed, string StopReason, bool HarnessFailed);

/// <summary>Runs N virtual users, each an async loop of the scenario's iteration, started evenly over the ramp-up, until
/// the budget stops the run; prints a progress line every few seconds.</summary>
public static class LoadRunner
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public static async Task<RunTiming> RunAsync(IScenario scenario, ScenarioSettings settings, RunBudget budget, RunMetrics metrics)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var startTimestamp = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        var users = Enumerable.Range(0, settings.VirtualUsers).Select(id => Task.Run(() => RunUserAsync(id))).ToArray();
        var all = Task.WhenAll(users);
        while (await Task.WhenAny(all, Task.Delay(ProgressEvery)) != all)
            Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0}s  {metrics.TotalRequests,9} requests  " +
                $"{metrics[Step.Confirm].Succeeded,7} confirmed  {metrics.Steps.Values.Sum(s => s.Errors.Values.Sum()),6} errors");
        var failed = false;
        try
        {
            await all;
        }
        catch (Exception e)
        {
            // Every user has finished by now: report what was measured, then let the invariants be checked anyway.
            Console.Error.WriteLine($"The load harness failed: {e}");
            failed = true;
        }
        return new RunTiming(startedAt, startTimestamp, clock.Elapsed, budget.StopReason ?? $"{settings.DurationSeconds} s elapsed", failed);

        async Task RunUserAsync(int id)
        {
            var user = new VirtualUser(id, settings.ThinkTimeMs, budget.Stopping);
            // Linear ramp-up: user i starts at i/N of the ramp-up time.
            var startAfter = TimeSpan.FromSeconds(settings.RampUpSeconds * (double)id / settings.VirtualUsers);
            if (startAfter > TimeSpan.Zero)
                await Task.Delay(startAfter, budget.Stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            try
            {
                while (!budget.IsStopping)
                    await scenario.RunIterationAsync(user);
            }
            catch (Exception e)
            {
                // A bug in the harness, not an answer from the platform: stop everyone rather than report a skewed run.
                budget.Stop($"virtual user {id} failed: {e.GetType().Name}: {e.Message}");
                throw;
            }
        }
    }
}
