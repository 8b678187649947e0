using System.Diagnostics.Metrics;
using Booking.Reporting.Datasets;
using Booking.ServiceDefaults.Metrics;

namespace Booking.Reporting.Building;

/// <summary>How fresh the extracts are, for Prometheus: the lag, in seconds, from the end of the newest day whose every
/// dataset is built to now (under 24 h when the job keeps up; over 48 h means a day was missed).</summary>
public sealed class ExtractMetrics
{
    private DateOnly? _newest;

    public ExtractMetrics(IMeterFactory meters, TimeProvider clock)
    {
        var meter = meters.Create(PlatformMetrics.MeterName);
        meter.CreateObservableGauge("booking.extracts.lag", () => Lag(clock.GetUtcNow()), unit: "s",
            description: "Seconds from the end of the newest fully built extract day to now.");
    }

    public void Observe(DateOnly newestBuilt) => _newest = newestBuilt;

    private IEnumerable<Measurement<double>> Lag(DateTimeOffset now) =>
        _newest is { } day ? [new Measurement<double>((now - ExtractDay.Of(day).To).TotalSeconds)] : [];
}
