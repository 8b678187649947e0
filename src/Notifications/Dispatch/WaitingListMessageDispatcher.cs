using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Data.WaitingList;
using Booking.Messages.WaitingList;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Dispatch;

/// <summary>
/// Drains the waiting list's outbox (<see cref="WaitingListOutbox"/>): a place taken on the list, a seat offered from
/// it. By e-mail when the person gave one, else by SMS unless their phone answered STOP. An offer that ran out before
/// it could be sent is not sent: its seat has already gone to the next person.
/// </summary>
public sealed class WaitingListMessageDispatcher(
    WaitingListOutbox outbox,
    WaitingListMessageComposer composer,
    PersonalDataProtector protector,
    SmsOptOuts optOuts,
    EmailChannel email,
    SmsChannel sms,
    IOptions<DispatchOptions> options,
    TimeProvider clock,
    ILogger<WaitingListMessageDispatcher> logger)
    : LeasedOutboxDispatcher<ClaimedWaitingListMessage>(outbox, BatchSize, options.Value, clock, logger)
{
    private const int BatchSize = 50;

    protected override string? NoLongerUseful(ClaimedWaitingListMessage row) =>
        row.Message.Offer is { } offer && offer.ExpiresAt <= Now ? "The offer ran out before it could be sent." : null;

    protected override async Task<SendOutcome> SendAsync(ClaimedWaitingListMessage row, CancellationToken cancellationToken)
    {
        var message = row.Message;
        var contact = protector.Unseal<WaitingListContact>(row.ContactCiphertext, row.EncryptionKeyId, WaitingListContact.SealPurpose);
        // No booking: the tag names the message only, so a provider's report matches no booking's message.
        var tag = new MessageTag(message.Id, null, message.Language);
        if (contact.Email is { Length: > 0 } address)
            return await email.SendAsync(new OutgoingEmail(tag, address, await composer.ComposeEmailAsync(message, cancellationToken)), cancellationToken);
        if (contact.Phone is { Length: > 0 } phone && (await optOuts.OptedOutAsync([protector.PhoneFingerprint(phone)], cancellationToken)).Count == 0)
            return await sms.SendAsync(new OutgoingSms(tag, phone, await composer.ComposeSmsAsync(message, cancellationToken)), cancellationToken);
        return new SendOutcome.Permanent("No e-mail address, and the phone answered STOP.");
    }
}
