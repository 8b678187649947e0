using System.Diagnostics;
using Booking.LoadTest;
using Booking.LoadTest.Faults;

namespace Booking.LoadTest.Tests;

/// <summary>The figures of a fault, from calls placed at known times around it (Stopwatch timestamps).</summary>
public class FaultImpactTests
{
    private const long FaultAt = 1_000_000_000;
    private static readonly InjectedFault Fault = new(new PlannedFault(FaultKind.SiloKill, 1, TimeSpan.FromSeconds(20)), FaultAt, "kill -9", "back", null);

    private static long At(double secondsAfterFault) => FaultAt + (long)(secondsAfterFault * Stopwatch.Frequency);

    private static CallRecord Call(Step step, double sent, double answered, int status, string answer, CallKind kind) =>
        new(step, At(sent), At(answered), status, answer, kind);

    [Fact]
    public void Counts_what_citizens_got_from_the_fault_to_the_end()
    {
        CallRecord[] calls =
        [
            Call(Step.Hold, -3, -2.9, 201, "201", CallKind.Succeeded),                       // answered before the fault
            Call(Step.Hold, -0.5, 4.9, 503, "503 temporarily-unavailable", CallKind.ErrorAnswer), // in flight when it struck
            Call(Step.Availability, 1.2, 11.2, 0, "timeout (10 s)", CallKind.Timeout),
            Call(Step.Confirm, 2.1, 2.2, 404, "404 hold-not-found", CallKind.ErrorAnswer),
            Call(Step.Confirm, 3.25, 3.3, 503, "503 temporarily-unavailable", CallKind.ErrorAnswer),
            Call(Step.Hold, 3.5, 3.6, 409, "409 slot-full", CallKind.ExpectedRejection),
            Call(Step.Confirm, 5, 5.1, 201, "201", CallKind.Succeeded),
            Call(Step.Confirm, 40.5, 40.6, 201, "201", CallKind.Succeeded),                  // after the window
        ];

        var impact = Assert.Single(FaultImpact.Of([Fault], calls, runEnd: At(40)));

        Assert.Equal(TimeSpan.FromSeconds(40), impact.Window);
        Assert.False(impact.ClosedByNextFault);
        Assert.Equal(6, impact.Calls);
        Assert.Equal(1, impact.HungCalls);
        Assert.Equal(1, impact.HoldsLost);
        Assert.Equal(2, impact.Answered(503));
        Assert.Equal(0, impact.Answered(500));
        Assert.Equal(1, impact.Answers[("confirm", "201")]);
        // The lost hold (2.1 s) is counted apart; the 503 sent at 3.25 s is the last failure.
        Assert.Equal(3.25, impact.LastFailureAfter!.Value.TotalSeconds, precision: 3);
        Assert.Equal(new Dictionary<int, long> { [0] = 1, [1] = 1, [2] = 1, [3] = 1 }, impact.FailuresBySecond);
    }

    [Fact]
    public void Calls_only_failed_in_flight_means_at_once_and_none_failed_means_none()
    {
        var inFlight = FaultImpact.Of([Fault], [Call(Step.Hold, -0.2, 0.1, 0, "transport: ConnectionReset", CallKind.TransportError)], At(10));
        var clean = FaultImpact.Of([Fault], [Call(Step.Hold, 1, 1.1, 201, "201", CallKind.Succeeded)], At(10));

        Assert.Equal(TimeSpan.Zero, Assert.Single(inFlight).LastFailureAfter);
        Assert.Null(Assert.Single(clean).LastFailureAfter);
    }

    [Fact]
    public void A_fault_window_closes_when_the_next_fault_strikes()
    {
        var next = Fault with { InjectedAt = At(15) };
        CallRecord[] calls = [Call(Step.Hold, 14, 14.1, 503, "503", CallKind.ErrorAnswer), Call(Step.Hold, 16, 16.1, 503, "503", CallKind.ErrorAnswer)];

        var impacts = FaultImpact.Of([Fault, next], calls, At(40));

        Assert.Equal(TimeSpan.FromSeconds(15), impacts[0].Window);
        Assert.True(impacts[0].ClosedByNextFault);
        Assert.Equal(14, impacts[0].LastFailureAfter!.Value.TotalSeconds, precision: 3);
        Assert.Equal(1, impacts[1].Calls);
    }
}
