namespace Booking.Notifications;

/// <summary>Says plainly, once, that nothing is sent yet, then waits for shutdown.</summary>
public sealed class PlaceholderWorker(ILogger<PlaceholderWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogWarning("Notifications are not implemented yet: no SMS or e-mail is sent.");
        return Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
