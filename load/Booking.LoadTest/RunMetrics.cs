using System.Collections.Concurrent;

namespace Booking.LoadTest;

/// <summary>Everything a run measured: per-step recorders, every call with its timing, how citizens' journeys ended,
/// and every confirmation code the platform acknowledged (each must be a live booking in PostgreSQL afterwards).</summary>
public sealed class RunMetrics
{
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly ConcurrentDictionary<string, long> _journeys = new();

    public IReadOnlyDictionary<Step, StepRecorder> Steps { get; } = Step.All.ToDictionary(s => s, s => new StepRecorder(s));

    public CallLog Calls { get; } = new();

    public StepRecorder this[Step step] => Steps[step];

    public IReadOnlyCollection<string> AcknowledgedCodes => _acknowledged;

    /// <summary>Journey outcome ("booked", "gave up: slots full", …) → count.</summary>
    public IReadOnlyDictionary<string, long> Journeys => _journeys;

    public long TotalRequests => Steps.Values.Sum(s => s.Requests);

    public void Acknowledged(string confirmationCode) => _acknowledged.Enqueue(confirmationCode);

    public void JourneyEnded(string outcome) => _journeys.AddOrUpdate(outcome, 1, (_, n) => n + 1);
}
