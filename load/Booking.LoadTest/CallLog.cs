using System.Collections.Concurrent;

namespace Booking.LoadTest;

public enum CallKind
{
    Succeeded,
    /// <summary>A status the step expects under contention (a hold's 409).</summary>
    ExpectedRejection,
    /// <summary>Any other HTTP status.</summary>
    ErrorAnswer,
    /// <summary>No answer within the request timeout: a hung call.</summary>
    Timeout,
    /// <summary>No HTTP answer at all (refused, reset).</summary>
    TransportError,
}

/// <summary>One request as the client saw it: <see cref="System.Diagnostics.Stopwatch"/> timestamps at sending and at
/// the answer's last byte (or the failure), and the answer as the report names it ("201", "503 temporarily-unavailable",
/// "timeout (10 s)").</summary>
public readonly record struct CallRecord(Step Step, long StartedAt, long EndedAt, int Status, string Answer, CallKind Kind)
{
    public bool Failed => Kind is CallKind.ErrorAnswer or CallKind.Timeout or CallKind.TransportError;
}

/// <summary>Every request of the run in the order they ended, for what happened around a fault, second by second.</summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<CallRecord> _calls = new();

    public void Add(CallRecord call) => _calls.Enqueue(call);

    public IReadOnlyCollection<CallRecord> All => _calls;
}
