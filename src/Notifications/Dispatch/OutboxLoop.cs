using Booking.Notifications.Extensions;

namespace Booking.Notifications.Dispatch;

/// <summary>The loops of a worker that drains an outbox one batch at a time: another batch at once while there is
/// work, a pause when there is none, a longer one after a failure (its claimed rows come due again when their lease
/// ends). Several loops of one process claim disjoint batches, so one records its batch while another sends.</summary>
public abstract class OutboxLoop(DispatchOptions options, TimeProvider clock, ILogger logger, int loops = 1) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;
    protected ILogger Logger { get; } = logger;
    protected DateTimeOffset Now => Clock.GetUtcNow();

    /// <returns>How many messages the batch claimed.</returns>
    public abstract Task<int> DispatchBatchAsync(CancellationToken cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) == 0)
                    await Task.Delay(options.IdlePoll, Clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Logger.LogError(e, "{Outbox} round failed; retrying shortly", GetType().Name);
                await Task.Delay(options.IdlePoll * 4, Clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
