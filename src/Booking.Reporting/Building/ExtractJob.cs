using Booking.Data.Reporting;
using Booking.Reporting.Datasets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Booking.Reporting.Building;

/// <summary>
/// Builds yesterday's partition (Québec time) once it is yesterday: looks every <see cref="ExtractOptions.CheckInterval"/>
/// on the platform clock, so it works at any date and hour and under a shifted clock. Each look that builds, or fails,
/// is a row of <c>extract_runs</c>; a look that finds the partition built records nothing. Several workers may run it:
/// a partition is replaced whole, one builder at a time, so a second build only rebuilds the same rows.
/// </summary>
public sealed class ExtractJob(
    ExtractBuilder builder,
    ExtractStore store,
    ExtractMetrics metrics,
    IOptions<ExtractOptions> options,
    TimeProvider clock,
    ILogger<ExtractJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BuildDaily)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look: builds yesterday's partition if it is not built yet.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var day = ExtractDay.Yesterday(started);
        try
        {
            var names = builder.Datasets.Select(d => d.Name).ToList();
            var newest = await store.NewestCompleteDayAsync(names, cancellationToken);
            if (newest >= day.Date)
            {
                metrics.Observe(newest.Value);
                return;
            }
            var rows = await builder.BuildAsync(day, cancellationToken);
            await store.RecordRunAsync(new ExtractRun(started, clock.GetUtcNow(), day.Date, "built", $"{rows} rows"), cancellationToken);
            metrics.Observe(day.Date);
            logger.LogInformation("Built the extracts of {Day}: {Rows} rows", day.Date, rows);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The reporting replica may be lagging or restarting; the next look tries again.
            logger.LogWarning(e, "Building the extracts of {Day} failed; trying again in {Interval}", day.Date, options.Value.CheckInterval);
            await RecordFailureAsync(started, day.Date, e, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(DateTimeOffset started, DateOnly day, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordRunAsync(new ExtractRun(started, clock.GetUtcNow(), day, "failed", failure.GetType().Name), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not record the failed extract run");
        }
    }
}
