using System.Diagnostics;

namespace Booking.LoadTest.Arrivals;

/// <summary>The scheduler's time: the run's elapsed time and a wait until an instant of it. Tests use a virtual one.</summary>
public interface IRunClock
{
    TimeSpan Elapsed { get; }

    Task WaitUntilAsync(TimeSpan instant, CancellationToken cancellationToken);
}

public sealed class StopwatchRunClock : IRunClock
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);

    public Task WaitUntilAsync(TimeSpan instant, CancellationToken cancellationToken)
    {
        var wait = instant - Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
