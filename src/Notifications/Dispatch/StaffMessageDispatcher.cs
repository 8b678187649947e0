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
    ILogger<StaffMessageDispatcher> logger) : OutboxLoop(options.Value, clock, logger)
{
    private const int BatchSize = 20;
    private readonly DispatchOptions _options = options.Value;
    private readonly RetrySchedule _retries = new(options.Value);

    public override async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await outbox.ClaimAsync(_options.WorkerId, BatchSize, _options.Lease, cancellationToken);
        foreach (var message in claimed)
        {
            var content = composer.Compose(message.Kind, message.Language, message.DisplayName, message.Detail);
            var outcome = await email.SendAsync(new OutgoingEmail(new MessageTag(message.Id, null, message.Language), message.Email, content), cancellationToken);
            var result = _retries.Settle(outcome, message.Attempts, Now);
            await outbox.RecordAsync(_options.WorkerId, message.Id, result.Status, result.ProviderMessageId, result.Error, result.RetryAt, CancellationToken.None);
        }
        return claimed.Count;
    }
}
