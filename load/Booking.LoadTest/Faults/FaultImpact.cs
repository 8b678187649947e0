using System.Diagnostics;

namespace Booking.LoadTest.Faults;

/// <summary>What one fault did to the citizens' calls, over its window: from the fault to the next one or the end of
/// the run. A call belongs to the window if it was answered after the fault and sent before the window closed, so the
/// calls in flight when the fault struck count too.</summary>
/// <param name="ClosedByNextFault">False when the window runs to the end of the run.</param>
/// <param name="Answers">(step, answer) → calls, successes and expected 409s included.</param>
/// <param name="HungCalls">Calls that got no answer within the client's request timeout.</param>
/// <param name="HoldsLost">Confirmations answered 404 or 410: the hold the citizen had just been given was gone.</param>
/// <param name="LastFailureAfter">When the last failed call of the window was sent, from the fault (0 if it was in
/// flight when the fault struck); null if none failed. From then on every call succeeded (or was a 409): the time
/// until bookings succeed again. Lost holds are counted apart, not as failures here.</param>
/// <param name="FailuresBySecond">Failed calls (lost holds included) by the second, after the fault, they were sent in.</param>
public sealed record FaultImpact(
    InjectedFault Fault,
    TimeSpan Window,
    bool ClosedByNextFault,
    IReadOnlyDictionary<(string Step, string Answer), long> Answers,
    long HungCalls,
    long HoldsLost,
    TimeSpan? LastFailureAfter,
    IReadOnlyDictionary<int, long> FailuresBySecond)
{
    public long Calls => Answers.Values.Sum();

    public long Answered(int status) => Answers.Where(kv => kv.Key.Answer.StartsWith($"{status}", StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Each fault's impact; <paramref name="runEnd"/> (a Stopwatch timestamp) closes the last window.</summary>
    public static IReadOnlyList<FaultImpact> Of(IReadOnlyList<InjectedFault> faults, IEnumerable<CallRecord> calls, long runEnd)
    {
        var all = calls.ToList();
        return faults.Select((fault, i) => i + 1 < faults.Count ? Of(fault, faults[i + 1].InjectedAt, true, all) : Of(fault, runEnd, false, all)).ToList();
    }

    private static FaultImpact Of(InjectedFault fault, long windowEnd, bool closedByNextFault, IReadOnlyList<CallRecord> calls)
    {
        var inWindow = calls.Where(c => c.EndedAt >= fault.InjectedAt && c.StartedAt < windowEnd).ToList();
        var lost = inWindow.Where(IsLostHold).ToList();
        var failed = inWindow.Where(c => c.Failed && !IsLostHold(c)).ToList();
        return new FaultImpact(
            fault,
            Stopwatch.GetElapsedTime(fault.InjectedAt, windowEnd),
            closedByNextFault,
            inWindow.GroupBy(c => (c.Step.Name, c.Answer)).ToDictionary(g => g.Key, g => g.LongCount()),
            inWindow.LongCount(c => c.Kind == CallKind.Timeout),
            lost.Count,
            failed.Count == 0 ? null : SentAfter(fault, failed.Max(c => c.StartedAt)),
            failed.Concat(lost).GroupBy(c => (int)SentAfter(fault, c.StartedAt).TotalSeconds).ToDictionary(g => g.Key, g => g.LongCount()));
    }

    private static bool IsLostHold(CallRecord call) => call.Step == Step.Confirm && call.Status is 404 or 410;

    private static TimeSpan SentAfter(InjectedFault fault, long sentAt) =>
        sentAt <= fault.InjectedAt ? TimeSpan.Zero : Stopwatch.GetElapsedTime(fault.InjectedAt, sentAt);
}
