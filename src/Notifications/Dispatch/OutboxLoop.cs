using Booking.Notifications.Extensions;

namespace Booking.Notifications.Dispatch;

/// <summary>The loop of a worker that drains a small outbox one batch at a time: another batch at once while there is
/// work, a pause when there is none, a longer one after a failure (its claimed rows come due again when their lease ends).</summary>
public abstract class OutboxLoop(DispatchOptions options, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected DateTimeOffset Now => clock.GetUtcNow();

    /// <returns>How many messages the batch claimed.</returns>
    public abstract Task<int> DispatchBatchAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) == 0)
                    await Task.Delay(options.IdlePoll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Outbox} round failed; retrying shortly", GetType().Name);
                await Task.Delay(options.IdlePoll * 4, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
