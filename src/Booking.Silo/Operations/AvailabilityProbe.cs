using Booking.Data.Operations;
using Booking.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Silo.Operations;

/// <summary>
/// Once a minute, whether this silo is ready (its readiness checks: the database it serves from), written to the
/// availability record for the monthly report (<c>Booking.Tool availability-report</c>). Every silo probes and the
/// first of a minute is kept, so the record goes on while one silo is left; a minute nobody could write counts as down.
/// </summary>
public sealed class AvailabilityProbe(HealthCheckService health, AvailabilityRecord record, TimeProvider clock, ILogger<AvailabilityProbe> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var report = await health.CheckHealthAsync(check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag), stoppingToken);
                await record.RecordAsync(clock.GetUtcNow(), report.Status == HealthStatus.Healthy, Environment.MachineName, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is away: this minute stays unrecorded unless another silo records it.
                logger.LogWarning(e, "Could not record the availability probe");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
