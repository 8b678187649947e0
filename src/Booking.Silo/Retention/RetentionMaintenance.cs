using Booking.Data.Retention;
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
    ILogger<RetentionMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var erasure in await purge.PurgeAsync(clock.GetUtcNow(), settings.BatchSize, stoppingToken))
                {
                    metrics.Observe(erasure);
                    if (erasure.Erased > 0)
                        logger.LogInformation("Retention ({Class}, {Months} months, tenant {Tenant}): erased {Rows} records", erasure.DataClass,
                            erasure.Months, erasure.TenantId?.ToString() ?? "platform", erasure.Erased);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting; what is past retention stays so and goes at the next pass.
                logger.LogWarning(e, "Retention purge failed; retrying in {Interval}", settings.PurgeInterval);
            }
            try
            {
                await Task.Delay(settings.PurgeInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
