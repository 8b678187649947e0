using Booking.Data.ClinicDay;
using Booking.Silo.Infrastructure;
using Microsoft.Extensions.Options;

namespace Booking.Silo.ClinicDay;

/// <summary>
/// Marks as no-shows, every <see cref="NoShowOptions.Interval"/>, the live bookings nobody checked in by
/// <see cref="NoShowOptions.After"/> past their slot's end. Every silo runs it; rows are taken with <c>skip locked</c>, so
/// two silos never mark the same one, and the instants come from the platform clock (a shifted clock rehearses it).
/// </summary>
public sealed class NoShowSweep(ClinicDayRepository days, IOptions<NoShowOptions> options, TimeProvider clock, ILogger<NoShowSweep> logger)
    : PeriodicSiloJob(clock, logger)
{
    private readonly NoShowOptions _settings = options.Value;

    protected override TimeSpan Interval => _settings.Interval;

    protected override string Work => "Marking no-shows";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        int marked;
        do
        {
            var now = Now;
            marked = await days.MarkNoShowsAsync(now - _settings.After, now - _settings.After - _settings.LookBack, now, cancellationToken);
            if (marked > 0)
                Logger.LogInformation("Marked {Count} bookings as no-shows", marked);
        }
        while (marked == ClinicDayRepository.NoShowBatch);
    }
}
