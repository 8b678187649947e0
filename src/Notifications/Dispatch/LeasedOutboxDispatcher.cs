using Booking.Data.Notifications;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;

namespace Booking.Notifications.Dispatch;

/// <summary>
/// Drains one leased outbox on a channel with no other to fall back on: claims a batch, sends each message, records
/// each outcome (sent, retried with backoff, or dead letter after the last attempt). A message that can no longer be
/// useful is given up without being sent.
/// </summary>
public abstract class LeasedOutboxDispatcher<TClaimed>(
    ILeasedOutbox<TClaimed> outbox,
    int batchSize,
    DispatchOptions options,
    TimeProvider clock,
    ILogger logger) : OutboxLoop(options, clock, logger) where TClaimed : IClaimedMessage
{
    private readonly DispatchOptions _options = options;
    private readonly RetrySchedule _retries = new(options);

    public override async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await outbox.ClaimAsync(_options.WorkerId, batchSize, _options.Lease, cancellationToken);
        foreach (var message in claimed)
        {
            var result = NoLongerUseful(message) is { } reason
                ? new SettledSend(NotificationStatus.DeadLetter, null, reason, null)
                : _retries.Settle(await SendAsync(message, cancellationToken), message.Attempts, Now);
            // Not cancelled with the loop: a message sent must be recorded as sent.
            await outbox.RecordAsync(_options.WorkerId, message.Id, result.Status, result.ProviderMessageId, result.Error, result.RetryAt,
                CancellationToken.None);
        }
        return claimed.Count;
    }

    protected abstract Task<SendOutcome> SendAsync(TClaimed message, CancellationToken cancellationToken);

    /// <returns>Why the message is given up unsent, or null to send it.</returns>
    protected virtual string? NoLongerUseful(TClaimed message) => null;
}
