using Booking.Data.Notifications;
using Booking.Messages.Staff;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Dispatch;

/// <summary>
/// Drains the staff outbox (<see cref="StaffOutbox"/>): e-mails that tell staff what was done to their account. Few
/// and never urgent to the second, so small batches; e-mail only (staff have no SMS channel).
/// </summary>
public sealed class StaffMessageDispatcher(
    StaffOutbox outbox,
    StaffMessageComposer composer,
    EmailChannel email,
    IOptions<DispatchOptions> options,
    TimeProvider clock,
    ILogger<StaffMessageDispatcher> logger) : LeasedOutboxDispatcher<ClaimedStaffMessage>(outbox, BatchSize, options.Value, clock, logger)
{
    private const int BatchSize = 20;

    protected override Task<SendOutcome> SendAsync(ClaimedStaffMessage message, CancellationToken cancellationToken) =>
        email.SendAsync(new OutgoingEmail(new MessageTag(message.Id, null, message.Language), message.Email,
            composer.Compose(message.Kind, message.Language, message.DisplayName, message.Detail)), cancellationToken);
}
