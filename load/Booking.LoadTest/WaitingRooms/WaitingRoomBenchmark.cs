using System.Globalization;
using System.Text;
using Booking.LoadTest.Arrivals;
using Booking.LoadTest.Faults;

namespace Booking.LoadTest.WaitingRooms;

/// <summary>
/// <c>--scenario waiting-room</c>: a campaign's opening in front of a waiting room. <c>--arrivals</c> visitors arrive
/// over <c>--over</c> seconds (an open model: each at its planned time, whatever the platform does); each takes a ticket
/// and polls as the page does (when the answer says, else every <c>--poll</c> seconds) until admitted. Then checks that
/// every visitor was admitted, first in first out, at no more than the room's rate, without a 5xx, and reports the
/// polls' latency, the requests a second and the CPU the web hosts and silos spent per request.
/// </summary>
public static class WaitingRoomBenchmark
{
    public const string Name = "waiting-room";

    public const string Usage = """
        usage: dotnet run -c Release --project load/Booking.LoadTest -- --scenario waiting-room --room opening
                 --admissions-per-minute 60000 [--arrivals 1000000] [--over 600] [--poll 3] [--drain 600]
                 [--base-url http://127.0.0.1:5080] [--connections 256] [--state-dir .local] [--fault silo-kill@20s] [--out load/results]
          --admissions-per-minute  the room's configured rate, which the admissions are checked against.
          --drain                  how long visitors still waiting after the last arrival go on polling.
          --poll                   seconds between polls when the answer does not say when to ask again.
        """;

    private const double RateWindowSeconds = 30;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args);
        if (!options.TryGetValue("--room", out var room) || !options.TryGetValue("--admissions-per-minute", out var rateText))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        int Int(string name, string fallback) => int.Parse(options.GetValueOrDefault(name, fallback), CultureInfo.InvariantCulture);
        var perMinute = int.Parse(rateText, CultureInfo.InvariantCulture);
        var arrivals = Int("--arrivals", "1000000");
        var over = TimeSpan.FromSeconds(Int("--over", "600"));
        var pollEvery = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("--poll", "3"), CultureInfo.InvariantCulture));
        var drain = TimeSpan.FromSeconds(Int("--drain", "600"));
        var stateDirectory = options.GetValueOrDefault("--state-dir", ".local");
        var baseUrl = new Uri(options.GetValueOrDefault("--base-url", "http://127.0.0.1:5080"));
        var faults = options.TryGetValue("--fault", out var faultText) ? FaultPlan.Parse(faultText) : [];
        var injector = faults.Count == 0 ? null : FaultInjector.For(stateDirectory, faults, over);

        using var http = BookingApiClient.CreateHttpClient(baseUrl, Int("--connections", "256"));
        var log = new AdmissionLog(arrivals + 1);
        var visitors = new WaitingVisitors(http, room, pollEvery, TimeSpan.FromSeconds(30), log);
        var startedAt = DateTimeOffset.UtcNow;
        var loadAverage = MachineInfo.LoadAverage();
        var cpuBefore = HostCpu.Read(stateDirectory);
        using var stop = new CancellationTokenSource(over + drain);
        Console.Error.WriteLine($"{arrivals} visitors over {over.TotalSeconds:0} s into room '{room}' ({perMinute} admissions a minute) at {baseUrl}...");

        var injection = injector?.RunAsync(System.Diagnostics.Stopwatch.GetTimestamp(), stop.Token) ?? Task.FromResult<IReadOnlyList<InjectedFault>>([]);
        var next = -1;
        var scheduler = new ArrivalScheduler(new ArrivalRate(arrivals / over.TotalSeconds, arrivals / over.TotalSeconds), over, arrivals + 1, new StopwatchRunClock());
        var counts = await scheduler.RunAsync(_ => visitors.VisitAsync(Interlocked.Increment(ref next), stop.Token), stop.Token);
        var elapsed = visitors.NowMs / 1000;
        var cpuAfter = HostCpu.Read(stateDirectory);
        var injected = await injection;

        var tickets = log.Tickets.Where(t => t.Entered).ToList();
        var admitted = tickets.Count(t => t.Admitted);
        var overtaken = AdmissionLog.Overtaken(tickets);
        var lostPlace = tickets.Count(t => t.LostPlace);
        var requests = visitors.Entries.Requests + visitors.Polls.Requests;
        var serverErrors = new[] { visitors.Entries, visitors.Polls }.SelectMany(r => r.Errors).Where(e => e.Key.StartsWith('5')).Sum(e => e.Value);
        var peakRate = AdmissionLog.PeakAdmissionsPerSecond(tickets, RateWindowSeconds);
        // After a quiet spell the room lets a five-second burst through on top of its rate.
        var allowedRate = perMinute / 60.0 + Math.Max(1, perMinute / 12) / RateWindowSeconds;
        var firstArrival = tickets.Count == 0 ? 0 : tickets.Min(t => t.ArrivedAt);
        var lastAdmission = admitted == 0 ? 0 : tickets.Where(t => t.Admitted).Max(t => t.AdmittedAt);

        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"# Load test `{Name}`, {startedAt:yyyy-MM-dd HH:mm:ss} UTC");
        Line();
        Line($"- machine: {MachineInfo.Current()}; load average at the start: {loadAverage}");
        Line($"- target: {baseUrl}, room `{room}` admitting {perMinute} a minute; visitors poll when told, else every {pollEvery.TotalSeconds:0.#} s");
        Line($"- arrivals: {counts.Planned} planned over {over.TotalSeconds:0} s ({arrivals / over.TotalSeconds:0.#}/s), {counts.Started} started, " +
            $"{counts.Dropped} dropped, latest start {counts.MaxLag.TotalMilliseconds:0} ms late; run {elapsed:0.0} s");
        Line();
        Line("| requests | count | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
        Line("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var recorder in new[] { visitors.Entries, visitors.Polls })
        {
            var l = recorder.Latency();
            var errors = string.Join(", ", recorder.Errors.Select(e => $"{e.Key}: {e.Value}"));
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {recorder.Step.Name} | {recorder.Requests} | {recorder.Requests / elapsed:0} | {l.P50:0.0} | {l.P95:0.0} | {l.P99:0.0} | {l.Max:0.0} | {(errors.Length == 0 ? "none" : errors)} |"));
        }
        Line(string.Create(CultureInfo.InvariantCulture, $"| **all** | {requests} | {requests / elapsed:0} | | | | | |"));
        Line();
        Line("CPU seconds of the platform's hosts over the run, and per request:");
        foreach (var (tier, after) in cpuAfter.OrderBy(c => c.Key))
        {
            var spent = after - cpuBefore.GetValueOrDefault(tier);
            Line(string.Create(CultureInfo.InvariantCulture, $"- {tier}: {spent:0.0} s, {1000 * spent / Math.Max(1, requests):0.000} ms per request"));
        }
        Line();
        Line("## Checks");
        Line();
        Line(Check(admitted == counts.Started && tickets.Count == counts.Started, $"every visitor admitted: {admitted} of {counts.Started} ({tickets.Count} got a ticket)"));
        Line(Check(overtaken == 0, $"first in, first out: {overtaken} visitors told to wait after a later ticket was admitted"));
        Line(Check(lostPlace == 0, $"places kept: {lostPlace} visitors given a new ticket while polling"));
        Line(Check(peakRate <= allowedRate, string.Create(CultureInfo.InvariantCulture,
            $"admission rate: at least {peakRate:0.0}/s in the busiest {RateWindowSeconds:0} s (the rate and a burst allow {allowedRate:0.0}/s); " +
            $"{admitted / Math.Max(0.001, (lastAdmission - firstArrival) / 1000):0.0}/s from the first arrival to the last admission")));
        Line(Check(serverErrors == 0, $"no 5xx: {serverErrors}"));
        Line($"- for information: {tickets.Count(t => t.PositionRises > 0)} visitors saw their position go up between two polls");
        Line(AdmissionLog.Describe(tickets));
        foreach (var fault in injected)
            Line($"- fault {fault.Plan.Name}: {fault.Action}; {fault.Recovery}{(fault.Error is null ? "" : $"; error: {fault.Error}")}");
        var markdown = md.ToString();
        Console.WriteLine(markdown);
        Console.Error.WriteLine($"Report saved to {Report.Save(markdown, options.GetValueOrDefault("--out", Path.Combine("load", "results")), Name, startedAt)}");
        return markdown.Contains("- FAILED", StringComparison.Ordinal) ? 1 : 0;
    }

    private static string Check(bool holds, string what) => $"- {(holds ? "ok" : "FAILED")}: {what}";
}
