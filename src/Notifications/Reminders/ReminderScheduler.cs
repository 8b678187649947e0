using Booking.Data.Notifications;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Reminders;

/// <summary>Turns due reminder rows into outbox messages. Any number of workers may run it: rows are claimed with
/// <c>skip locked</c> and fired in the same statement that queues their message.</summary>
public sealed class ReminderScheduler(ReminderQueue reminders, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more are due now: go again without waiting.
                if (await reminders.FireDueAsync(clock.GetUtcNow(), BatchSize, stoppingToken) == BatchSize)
                    continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Firing due reminders failed; retrying");
            }
            await Task.Delay(options.Value.ReminderPoll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
