using System.Diagnostics.Metrics;
using Booking.Grains.Inventory;
using Booking.ServiceDefaults.Metrics;

namespace Booking.Silo.Inventory;

/// <summary>What the clinic-day grains decide, counted where they decide it: every hold and confirmation by outcome
/// (held or confirmed, else the refusal's reason, named as the API names it), and how many confirmations each group
/// commit carried.</summary>
public sealed class InventoryMetrics
{
    private readonly Counter<long> _holds;
    private readonly Counter<long> _confirmations;
    private readonly Histogram<int> _commitBatches;

    public InventoryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformMetrics.MeterName);
        _holds = meter.CreateCounter<long>("booking.holds", description: "Holds asked of the clinic-day grains, by outcome.");
        _confirmations = meter.CreateCounter<long>("booking.confirmations", description: "Confirmations asked of the clinic-day grains, by outcome.");
        _commitBatches = meter.CreateHistogram<int>("booking.commit.batch_size", unit: null,
            description: "Bookings written by one group commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500] });
    }

    public void Held(HoldResult result) => _holds.Add(1, Outcome(result switch
    {
        HoldResult.Held => "held",
        HoldResult.Full => "slot-full",
        HoldResult.SlotStarted => "slot-started",
        HoldResult.KeyReused => "idempotency-key-reused",
        _ => "no-such-slot",
    }));

    /// <summary>Counts the confirmation's outcome once it is known (after its commit), and passes it on.</summary>
    public async Task<ConfirmResult> Confirmed(Task<ConfirmResult> confirmation)
    {
        var result = await confirmation;
        _confirmations.Add(1, Outcome(result switch
        {
            ConfirmResult.Confirmed => "confirmed",
            ConfirmResult.HoldExpired => "hold-expired",
            ConfirmResult.SlotTaken => "slot-taken",
            ConfirmResult.KeyReused => "idempotency-key-reused",
            ConfirmResult.TooSoon => "too-soon",
            _ => "hold-not-found",
        }));
        return result;
    }

    public void Committed(int batchSize) => _commitBatches.Record(batchSize);

    private static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);
}
