using System.Globalization;
using System.Text;
using Booking.LoadTest.Faults;

namespace Booking.LoadTest;

/// <summary>Everything a report says. A check that could not run carries its reason instead of a result.</summary>
public sealed record RunReport(
    ScenarioSettings Settings,
    Uri BaseUrl,
    string Database,
    MachineInfo Machine,
    RunTiming Timing,
    RunMetrics Metrics,
    IReadOnlyList<string> Notes,
    InvariantResult? Invariants,
    string? InvariantsError,
    PgBenchResult? PgBench,
    string? PgBenchError,
    IReadOnlyList<InjectedFault> Faults)
{
    public double Seconds => Math.Max(Timing.Elapsed.TotalSeconds, 0.001);
    public long ConfirmedBookings => Metrics[Step.Confirm].Succeeded;
    public double ConfirmedPerSecond => ConfirmedBookings / Seconds;

    /// <summary>Seconds from the start to the last confirmation; null when there was none.</summary>
    public double? LastConfirmationSeconds => Metrics[Step.Confirm].LastSuccessTimestamp is var last and > 0
        ? System.Diagnostics.Stopwatch.GetElapsedTime(Timing.StartTimestamp, last).TotalSeconds
        : null;
}

/// <summary>Renders a run as Markdown (printed, and saved as load/results/&lt;scenario&gt;-&lt;yyyyMMdd-HHmmss&gt;.md).</summary>
public static class Report
{
    private const int ListedViolations = 20;

    public static string Render(RunReport r)
    {
        var s = r.Settings;
        var md = new StringBuilder();
        md.Line($"# Load test `{s.Name}`, {r.Timing.StartedAt:yyyy-MM-dd HH:mm:ss} UTC").Line();
        if (s.Description.Length > 0)
            md.Line($"> {s.Description}").Line();
        md.Line("| | |").Line("|---|---|")
          .Line($"| machine | {r.Machine} (the platform under test shares it) |")
          .Line($"| target | {r.BaseUrl} |")
          .Line($"| database | `{r.Database}` |")
          .Line(s.Arrivals is { } open
              ? $"| arrivals | {open.Rate} (open model), on at most {open.MaxVirtualUsers} virtual users |"
              : $"| virtual users | {s.VirtualUsers}, ramp-up {s.RampUpSeconds} s |")
          .Line($"| load average at start | {r.Timing.LoadAverageAtStart ?? "unknown"} (1, 5, 15 min) |")
          .Line($"| duration | {s.DurationSeconds} s planned, {F(r.Seconds, "0.0")} s run; stopped: {r.Timing.StopReason}" +
                $"{(r.Timing.HarnessFailed ? " (**a fault of this tool: the run is incomplete**)" : "")} |")
          .Line($"| think time | {s.ThinkTimeMs.Min}–{s.ThinkTimeMs.Max} ms after each request |")
          .Line($"| request cap | {s.MaxRequests} requests, {s.RequestTimeoutSeconds} s timeout each |");
        foreach (var note in r.Notes)
            md.Line($"| note | {note} |");
        md.Line();

        Steps(md, r);
        Arrivals(md, r);
        Answers(md, r);
        Journeys(md, r);
        Objectives(md, r);
        FaultReport.Render(md, r);
        Invariants(md, r);
        PgBench(md, r);
        return md.ToString();
    }

    public static string Save(string markdown, string directory, string scenario, DateTimeOffset startedAt)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{scenario}-{startedAt.UtcDateTime:yyyyMMdd-HHmmss}.md");
        File.WriteAllText(path, markdown);
        return path;
    }

    private static void Steps(StringBuilder md, RunReport r)
    {
        md.Line("## Throughput and latency").Line()
          .Line("| step | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | 2xx | expected 409 | errors |")
          .Line("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var step in r.Metrics.Steps.Values.Where(step => step.Requests > 0))
        {
            var l = step.Latency();
            md.Line($"| {step.Step.Name} | {step.Requests} | {F(step.Requests / r.Seconds, "0.0")} | {F(l.P50, "0.0")} | {F(l.P95, "0.0")} | " +
                    $"{F(l.P99, "0.0")} | {F(l.Max, "0.0")} | {step.Succeeded} | {step.ExpectedRejections.Values.Sum()} | {step.Errors.Values.Sum()} |");
        }
        var total = r.Metrics.TotalRequests;
        md.Line($"| **all** | **{total}** | **{F(total / r.Seconds, "0.0")}** | | | | | | | |").Line()
          .Line($"**Confirmed bookings: {r.ConfirmedBookings}, {F(r.ConfirmedPerSecond, "0.0")}/s.**{SoldOut(r)} " +
                "Latencies (HdrHistogram) cover every answered request, rejections included, from sending to the last byte of the body.")
          .Line();
    }

    private static void Arrivals(StringBuilder md, RunReport r)
    {
        if (r.Timing.Arrivals is not { } a)
            return;
        md.Line("## Arrivals (open model)").Line()
          .Line("| planned | started | dropped (no free virtual user) | most busy at once | latest start after its due time |")
          .Line("|--:|--:|--:|--:|--:|")
          .Line($"| {a.Planned} | {a.Started} | {(a.Dropped == 0 ? "0" : $"**{a.Dropped}**")} | {a.PeakBusy} | {F(a.MaxLag.TotalMilliseconds, "0.0")} ms |")
          .Line()
          .Line("Journeys start at the planned rate whatever earlier ones take. Dropped journeys mean the pool was too small for " +
                "how long journeys took, so the rate was not offered; a late start means the load generator itself fell behind.")
          .Line();
    }

    /// <summary>When confirmations stopped well before the end (the places ran out), the rate while they lasted.</summary>
    private static string SoldOut(RunReport r) =>
        SoldOutRate(r) is { } rate
            ? $" The last one came {F(r.LastConfirmationSeconds!.Value, "0.0")} s into the run: **{F(rate, "0.0")}/s while places remained**."
            : "";

    private static double? SoldOutRate(RunReport r) =>
        r.LastConfirmationSeconds is { } last && last > 0 && last < 0.8 * r.Seconds ? r.ConfirmedBookings / last : null;

    private static void Answers(StringBuilder md, RunReport r)
    {
        var rows = r.Metrics.Steps.Values.SelectMany(step =>
                step.ExpectedRejections.Select(kv => (step.Step.Name, kv.Key, kv.Value, Kind: "expected contention"))
                    .Concat(step.Errors.Select(kv => (step.Step.Name, kv.Key, kv.Value, Kind: "**error**"))))
            .OrderBy(row => row.Kind).ThenByDescending(row => row.Value)
            .ToList();
        md.Line("## Answers other than success").Line();
        if (rows.Count == 0)
        {
            md.Line("None.").Line();
            return;
        }
        md.Line("| step | answer | count | counted as |").Line("|---|---|--:|---|");
        foreach (var (step, answer, count, kind) in rows)
            md.Line($"| {step} | {answer} | {count} | {kind} |");
        md.Line().Line("A 409 on a hold is the platform correctly saying a slot is full; anything else here is an error.").Line();
    }

    private static void Journeys(StringBuilder md, RunReport r)
    {
        if (r.Metrics.Journeys.Count == 0)
            return;
        md.Line("## Citizens' journeys").Line().Line("| outcome | journeys |").Line("|---|--:|");
        foreach (var (outcome, count) in r.Metrics.Journeys.OrderByDescending(kv => kv.Value))
            md.Line($"| {outcome} | {count} |");
        md.Line().Line("Journeys cut short by the end of the run are not counted.").Line();
    }

    private static void Objectives(StringBuilder md, RunReport r)
    {
        var rows = r.Settings.Slo
            .Select(kv => (Step: r.Metrics.Steps.Values.FirstOrDefault(s => s.Step.Name == kv.Key), Objective: kv.Value.P99Ms, Name: kv.Key))
            .Where(row => row.Step is { Requests: > 0 })
            .ToList();
        if (rows.Count == 0)
            return;
        md.Line("## Latency objectives (p99, from the scenario file; k6 uses them as thresholds)").Line()
          .Line("| step | objective | measured | |").Line("|---|--:|--:|---|");
        foreach (var (step, objective, name) in rows)
        {
            var p99 = step!.Latency().P99;
            md.Line($"| {name} | < {F(objective, "0")} ms | {F(p99, "0.0")} ms | {(p99 < objective ? "met" : "**missed**")} |");
        }
        md.Line();
    }

    private static void Invariants(StringBuilder md, RunReport r)
    {
        md.Line("## Invariants, checked in PostgreSQL after the run").Line();
        if (r.Invariants is not { } inv)
        {
            md.Line($"**Not checked:** {r.InvariantsError}").Line();
            return;
        }
        var over = inv.Audit.OverCapacity;
        md.Line("| invariant | found | |").Line("|---|--:|---|")
          .Line($"| over-capacity slots | {over.Count} | {(over.Count == 0 ? "holds" : "**VIOLATED**")} |")
          .Line($"| acknowledged-but-missing bookings | {inv.Missing.Count} of {inv.Acknowledged} acknowledged | {(inv.Missing.Count == 0 ? "holds" : "**VIOLATED**")} |")
          .Line()
          .Line($"The audit covers the whole database, not only this run: {inv.Audit.SlotsChecked} slots holding {inv.Audit.BookingsChecked} " +
                $"confirmed bookings. Orphans (bookings whose slot the schedule no longer offers; staff attention, not over-booking): {inv.Audit.Orphans.Count}.")
          .Line();
        if (inv.Acknowledged > 0 && inv.Missing.Count == inv.Acknowledged)
            md.Line("**Every** acknowledged booking is missing: is `--db` the database the platform under test writes to?").Line();
        foreach (var slot in over.Take(ListedViolations))
            md.Line($"- over capacity: clinic {slot.LocationId}, {slot.ServiceCode}, {slot.SlotStart:yyyy-MM-dd HH:mm zzz}: {slot.Booked} booked, capacity {slot.Capacity}");
        foreach (var code in inv.Missing.Take(ListedViolations))
            md.Line($"- acknowledged but missing: {code}");
        if (over.Count + inv.Missing.Count > 0)
            md.Line();
    }

    private static void PgBench(StringBuilder md, RunReport r)
    {
        md.Line("## PostgreSQL's own limit (pgbench)").Line();
        if (r.PgBench is not { } pg)
        {
            md.Line($"Not measured: {r.PgBenchError}").Line();
            return;
        }
        md.Line("| | |").Line("|---|---|")
          .Line($"| command | `{pg.Command}` |")
          .Line($"| one-row insert transactions/s | {F(pg.Tps, "0")}{(pg.LatencyAverageMs is { } ms ? $" (average latency {F(ms, "0.00")} ms)" : "")} |")
          .Line(r.ConfirmedBookings == 0
              ? "| confirmed bookings/s in this run | none (this scenario does not book) |"
              : $"| confirmed bookings/s in this run | {F(r.ConfirmedPerSecond, "0.0")} = **{F(100 * r.ConfirmedPerSecond / Math.Max(pg.Tps, 0.001), "0.0")} %** of it" +
                $"{(SoldOutRate(r) is { } rate ? $"; {F(rate, "0.0")}/s while places remained = {F(100 * rate / Math.Max(pg.Tps, 0.001), "0.0")} %" : "")} |")
          .Line()
          .Line("pgbench commits one booking-sized row per transaction, with nothing else running. The platform also writes an " +
                "access-log row per booking and serves holds and searches on the same cores, but it commits confirmations in " +
                "groups (each silo writes those arriving together in one statement), so the fraction can exceed 100 %.")
          .Line();
    }

    internal static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    internal static StringBuilder Line(this StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
