using System.Diagnostics;
using System.Text;

namespace Booking.LoadTest.Faults;

/// <summary>The report's section for each injected fault: how it was injected and came back, the answers during its
/// window, how long until every call succeeded again, hung calls, lost holds, and the run's invariants.</summary>
public static class FaultReport
{
    public static void Render(StringBuilder md, RunReport r)
    {
        if (r.Faults.Count == 0)
            return;
        var runEnd = r.Timing.StartTimestamp + (long)(r.Timing.Elapsed.TotalSeconds * Stopwatch.Frequency);
        foreach (var impact in FaultImpact.Of(r.Faults, r.Metrics.Calls.All, runEnd))
            Render(md, r, impact);
    }

    private static void Render(StringBuilder md, RunReport r, FaultImpact impact)
    {
        var fault = impact.Fault;
        var at = Stopwatch.GetElapsedTime(r.Timing.StartTimestamp, fault.InjectedAt);
        md.Line($"## Fault `{fault.Plan.Name}`").Line()
          .Line("| | |").Line("|---|---|")
          .Line($"| injected | {Report.F(at.TotalSeconds, "0.0")} s into the run: {fault.Action} |");
        if (fault.Error is { } error)
        {
            md.Line($"| **not injected** | {error} |").Line();
            return;
        }
        md.Line($"| came back | {fault.Recovery} |")
          .Line($"| window | the {Report.F(impact.Window.TotalSeconds, "0.0")} s from the fault to {(impact.ClosedByNextFault ? "the next fault" : "the end of the run")}: {impact.Calls} calls |")
          .Line($"| **bookings succeed again** | {Recovered(impact)} |")
          .Line($"| 500 answers | {impact.Answered(500)} |")
          .Line($"| hung calls (no answer within {r.Settings.RequestTimeoutSeconds} s) | {impact.HungCalls} |")
          .Line($"| holds lost (held, then 404/410 at confirmation) | {impact.HoldsLost} |")
          .Line($"| invariants after the run | {Invariants(r)} |")
          .Line();

        md.Line("| answer during the window | " + string.Join(" | ", Step.All.Select(s => s.Name)) + " |")
          .Line("|---|" + string.Concat(Step.All.Select(_ => "--:|")));
        foreach (var answer in impact.Answers.Keys.Select(k => k.Answer).Distinct().Order(StringComparer.Ordinal))
            md.Line($"| {answer} | " + string.Join(" | ", Step.All.Select(s => impact.Answers.GetValueOrDefault((s.Name, answer)))) + " |");
        md.Line();
        if (impact.FailuresBySecond.Count > 0)
            md.Line("Failed calls (lost holds included) by the second after the fault they were sent in: " +
                    string.Join(" · ", impact.FailuresBySecond.OrderBy(kv => kv.Key).Select(kv => $"+{kv.Key} s: {kv.Value}")) + ".").Line();
    }

    private static string Recovered(FaultImpact impact) => impact.LastFailureAfter switch
    {
        null => "no call failed",
        { } last when last == TimeSpan.Zero => "at once: the only failed calls were in flight when the fault struck",
        { } last => $"{Report.F(last.TotalSeconds, "0.0")} s after the fault (the last failed call was sent then)",
    };

    private static string Invariants(RunReport r) => r.Invariants is { } inv
        ? $"{inv.Audit.OverCapacity.Count} over-capacity slots, {inv.Missing.Count} of {inv.Acknowledged} acknowledged bookings missing" +
          (inv.Holds ? "" : " (**VIOLATED**)")
        : $"not checked: {r.InvariantsError}";
}
