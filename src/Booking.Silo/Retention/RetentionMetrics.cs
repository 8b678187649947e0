using System.Diagnostics.Metrics;
using Booking.Data.Retention;
using Booking.ServiceDefaults.Metrics;

namespace Booking.Silo.Retention;

/// <summary>What the retention purge erased, for Prometheus: a count per class and tenant (ids only, never a person).</summary>
public sealed class RetentionMetrics
{
    private readonly Counter<long> _erased;

    public RetentionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformMetrics.MeterName);
        _erased = meter.CreateCounter<long>("booking.retention.erased", unit: "{record}",
            description: "Records whose personal data the retention purge erased, per data class and tenant.");
    }

    public void Observe(RetentionErasure erasure) => _erased.Add(erasure.Erased,
        new KeyValuePair<string, object?>("data_class", erasure.DataClass),
        new KeyValuePair<string, object?>("tenant", erasure.TenantId?.ToString() ?? "platform"));
}
