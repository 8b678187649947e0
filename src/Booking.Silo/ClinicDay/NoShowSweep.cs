using Booking.Data.ClinicDay;
using Microsoft.Extensions.Options;

namespace Booking.Silo.ClinicDay;

/// <summary>
/// Marks as no-shows, every <see cref="NoShowOptions.Interval"/>, the live bookings nobody checked in by
/// <see cref="NoShowOptions.After"/> past their slot's end. Every silo runs it; rows are taken with <c>skip locked</c>, so
/// two silos never mark the same one, and the instants come from the platform clock (a shifted clock rehearses it).
/// </summary>
public sealed class NoShowSweep(ClinicDayRepository days, IOptions<NoShowOptions> options, TimeProvider clock, ILogger<NoShowSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int marked;
                do
                {
                    var now = clock.GetUtcNow();
                    marked = await days.MarkNoShowsAsync(now - settings.After, now - settings.After - settings.LookBack, now, stoppingToken);
                    if (marked > 0)
                        logger.LogInformation("Marked {Count} bookings as no-shows", marked);
                }
                while (marked == ClinicDayRepository.NoShowBatch);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting; the bookings wait for a later turn.
                logger.LogWarning(e, "Marking no-shows failed; retrying in {Interval}", settings.Interval);
            }
            try
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
