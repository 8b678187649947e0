using Booking.Data.Retention;
using Booking.Silo.Infrastructure;
using Microsoft.Extensions.Options;

namespace Booking.Silo.Retention;

/// <summary>
/// Erases personal data past its tenant's retention every <see cref="RetentionOptions.PurgeInterval"/> and at start, as
/// the access log's purge runs (<see cref="Audit.AccessLogMaintenance"/>), logging the count per class and tenant. Every
/// silo runs it: batches skip rows another silo holds, and a row erased is not erased twice.
/// </summary>
public sealed class RetentionMaintenance(
    RetentionPurge purge,
    RetentionMetrics metrics,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionMaintenance> logger) : PeriodicSiloJob(clock, logger)
{
    private readonly RetentionOptions _settings = options.Value;

    protected override TimeSpan Interval => _settings.PurgeInterval;

    protected override string Work => "Retention purge";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var erasure in await purge.PurgeAsync(Now, _settings.BatchSize, cancellationToken))
        {
            metrics.Observe(erasure);
            if (erasure.Erased > 0)
                Logger.LogInformation("Retention ({Class}, {Months} months, tenant {Tenant}): erased {Rows} records", erasure.DataClass,
                    erasure.Months, erasure.TenantId?.ToString() ?? "platform", erasure.Erased);
        }
    }
}
