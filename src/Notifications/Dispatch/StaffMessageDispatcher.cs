using Booking.Data.Notifications;
using Booking.Messages.Staff;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Dispatch;

/// <summary>
/// Drains the staff outbox (<see cref="StaffOutbox"/>): e-mails that tell staff what was done to their account. Few
/// and never urgent to the second, so one loop, one message at a time; the same leases, retries with backoff and
/// dead letter after the last attempt as the citizens' messages, e-mail only (staff have no SMS channel).
/// </summary>
public sealed class StaffMessageDispatcher(
    StaffOutbox outbox,
    StaffMessageComposer composer,
    EmailChannel email,
    IOptions<DispatchOptions> options,
    TimeProvider clock,
    ILogger<StaffMessageDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private readonly DispatchOptions _options = options.Value;
    private readonly RetrySchedule _retries = new(options.Value);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) == 0)
                    await Task.Delay(_options.IdlePoll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Claimed messages come due again when their lease ends.
                logger.LogError(e, "Staff message round failed; retrying shortly");
                await Task.Delay(_options.IdlePoll * 4, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await outbox.ClaimAsync(_options.WorkerId, BatchSize, _options.Lease, cancellationToken);
        foreach (var message in claimed)
        {
            var content = composer.Compose(message.Kind, message.Language, message.DisplayName, message.Detail);
            var outcome = await email.SendAsync(new OutgoingEmail(new MessageTag(message.Id, null, message.Language), message.Email, content), cancellationToken);
            (string Status, string? ProviderId, string? Error, DateTimeOffset? RetryAt) result = outcome switch
            {
                SendOutcome.Accepted accepted => (NotificationStatus.Sent, accepted.ProviderMessageId, null, null),
                SendOutcome.Transient t when !_retries.Exhausted(message.Attempts) =>
                    (NotificationStatus.Queued, null, t.Error, _retries.NextAttempt(message.Attempts, clock.GetUtcNow())),
                SendOutcome.Transient t => (NotificationStatus.DeadLetter, null, t.Error, null),
                SendOutcome.Permanent p => (NotificationStatus.DeadLetter, null, p.Error, null),
                _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
            };
            await outbox.RecordAsync(_options.WorkerId, message.Id, result.Status, result.ProviderId, result.Error, result.RetryAt, CancellationToken.None);
        }
        return claimed.Count;
    }
}
