namespace Booking.Silo.Infrastructure;

/// <summary>
/// A job every silo runs at start and then every <see cref="Interval"/> on the platform clock (a shifted clock
/// rehearses it). A failed turn is logged and tried again at the next: the database may be restarting, and what the
/// turn had to do waits for it. Stopping the silo ends the job between turns.
/// </summary>
public abstract class PeriodicSiloJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected DateTimeOffset Now => clock.GetUtcNow();

    protected ILogger Logger => logger;

    /// <summary>What the job does this turn, in the words its failure is logged with (e.g. "Marking no-shows").</summary>
    protected abstract string Work { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "{Work} failed; retrying in {Interval}", Work, Interval);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
