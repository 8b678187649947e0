namespace Booking.LoadTest;

/// <summary>Bounds a run by time and by request count, whichever comes first, and by Ctrl-C. Stopping means no new
/// request starts; requests in flight finish (or time out), so every booking the platform acknowledged is counted.</summary>
public sealed class RunBudget : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly long _maxRequests;
    private long _started;

    public RunBudget(TimeSpan duration, long maxRequests)
    {
        _maxRequests = maxRequests;
        _stop.CancelAfter(duration);
    }

    /// <summary>Cancelled when the run should wind down: waits (ramp-up, think time) listen to it, requests do not.</summary>
    public CancellationToken Stopping => _stop.Token;

    public bool IsStopping => _stop.IsCancellationRequested;

    public string? StopReason { get; private set; }

    /// <summary>Claims one request of the budget; false once the run is stopping or the budget is spent.</summary>
    public bool TryStartRequest()
    {
        if (_stop.IsCancellationRequested)
            return false;
        if (Interlocked.Increment(ref _started) <= _maxRequests)
            return true;
        Stop($"reached the maximum of {_maxRequests} requests");
        return false;
    }

    public void Stop(string reason)
    {
        lock (_stop)
            StopReason ??= reason;
        _stop.Cancel();
    }

    public void Dispose() => _stop.Dispose();
}
