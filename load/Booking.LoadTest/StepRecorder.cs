using System.Collections.Concurrent;
using System.Globalization;
using HdrHistogram;

namespace Booking.LoadTest;

/// <summary>The steps of a citizen's journey, as named in the report and in k6's <c>step</c> tag. A hold's 409 is the
/// platform saying "full" correctly under contention, so it is counted apart from errors.</summary>
public sealed record Step(string Name, IReadOnlySet<int> ExpectedRejections)
{
    public static readonly Step Availability = new("availability", new HashSet<int>());
    public static readonly Step Hold = new("hold", new HashSet<int> { 409 });
    public static readonly Step Confirm = new("confirm", new HashSet<int>());
    public static readonly IReadOnlyList<Step> All = [Availability, Hold, Confirm];
}

/// <summary>Latencies and outcomes of one step, safe to record from every virtual user at once.</summary>
public sealed class StepRecorder(Step step)
{
    // Microseconds, up to a minute: a slower answer is recorded as a minute (the request timeout is far lower).
    private const long HighestMicroseconds = 60_000_000;
    private readonly LongConcurrentHistogram _latency = new(1, HighestMicroseconds, 3);
    private readonly ConcurrentDictionary<string, long> _expected = new();
    private readonly ConcurrentDictionary<string, long> _errors = new();
    private long _succeeded;
    private long _lastSuccessTimestamp;

    public Step Step => step;
    public long Succeeded => Interlocked.Read(ref _succeeded);
    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp of the latest 2xx (0 if none): when a hot
    /// clinic-day sold out, the rate over the whole run understates the rate while places remained.</summary>
    public long LastSuccessTimestamp => Interlocked.Read(ref _lastSuccessTimestamp);
    public long Requests => Succeeded + ExpectedRejections.Values.Sum() + Errors.Values.Sum();
    /// <summary>Outcome ("409 slot-full") → count.</summary>
    public IReadOnlyDictionary<string, long> ExpectedRejections => _expected;
    /// <summary>Outcome ("500", "503 temporarily-unavailable", "timeout", "connection refused") → count.</summary>
    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>An HTTP answer; <paramref name="problemType"/> is the RFC 7807 type's last segment, when there is one.</summary>
    public void RecordResponse(int status, string? problemType, TimeSpan latency)
    {
        _latency.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds));
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _succeeded);
            Interlocked.Exchange(ref _lastSuccessTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
            return;
        }
        (step.ExpectedRejections.Contains(status) ? _expected : _errors).AddOrUpdate(Answer(status, problemType), 1, (_, n) => n + 1);
    }

    /// <summary>How the report names an HTTP answer: "409 slot-full", or the bare status without a problem type.</summary>
    public static string Answer(int status, string? problemType) => problemType is null ? status.ToString(CultureInfo.InvariantCulture) : $"{status} {problemType}";

    /// <summary>No HTTP answer (timeout, refused connection, reset): an error, with no latency to record.</summary>
    public void RecordFailure(string reason) => _errors.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public LatencySummary Latency()
    {
        var snapshot = _latency.Copy();
        if (snapshot.TotalCount == 0)
            return new LatencySummary(0, 0, 0, 0, 0);
        static double Ms(long microseconds) => microseconds / 1000.0;
        return new LatencySummary(snapshot.TotalCount,
            Ms(snapshot.GetValueAtPercentile(50)), Ms(snapshot.GetValueAtPercentile(95)),
            Ms(snapshot.GetValueAtPercentile(99)), Ms(snapshot.GetMaxValue()));
    }
}

/// <summary>Milliseconds, over every answered request of the step (successes and rejections alike, as k6 measures).</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max);
