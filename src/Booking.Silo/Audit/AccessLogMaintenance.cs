using Booking.Data.Audit;
using Microsoft.Extensions.Options;

namespace Booking.Silo.Audit;

/// <summary>
/// Seals new access-log rows into the hash chain every <see cref="AccessLogOptions.SealInterval"/> and purges rows past
/// retention every <see cref="AccessLogOptions.PurgeInterval"/>, logging what it did. Every silo runs it; the database
/// lets one seal or purge at a time. The chain's head is logged after each seal: a copy outside the database that
/// shows if rows at the end are later removed, or the chain rewritten.
/// </summary>
public sealed class AccessLogMaintenance(
    AccessLogChain chain,
    AccessLogRetention retention,
    IOptions<AccessLogOptions> options,
    TimeProvider clock,
    ILogger<AccessLogMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextPurge = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SealAsync(stoppingToken);
                if (clock.GetUtcNow() >= nextPurge)
                {
                    await PurgeAsync(settings.RetentionMonths, stoppingToken);
                    nextPurge = clock.GetUtcNow() + settings.PurgeInterval;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting; the rows wait and are sealed on a later turn.
                logger.LogWarning(e, "Access-log maintenance failed; retrying in {Interval}", settings.SealInterval);
            }
            try
            {
                await Task.Delay(settings.SealInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SealAsync(CancellationToken cancellationToken)
    {
        long sealedNow, sealedInAll = 0;
        do
        {
            sealedNow = await chain.SealAsync(cancellationToken);
            sealedInAll += sealedNow;
        }
        while (sealedNow == AccessLogChain.Batch);
        if (sealedInAll > 0)
            logger.LogInformation("Sealed {Rows} access-log rows; chain head at {Head}", sealedInAll, await chain.HeadAsync(cancellationToken));
    }

    private async Task PurgeAsync(int retentionMonths, CancellationToken cancellationToken)
    {
        var purge = await retention.PurgeAsync(retentionMonths, cancellationToken);
        logger.LogInformation("Access-log retention ({Months} months): purged {Rows} rows{Through}", retentionMonths, purge.RowsPurged,
            purge.PurgedThrough is { } through ? $" through chain position {through}" : "");
    }
}
