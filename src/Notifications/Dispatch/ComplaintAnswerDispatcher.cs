using Booking.Data.Notifications;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Messages.Privacy;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Dispatch;

/// <summary>
/// Drains the outbox of answers to privacy complaints (<see cref="ComplaintAnswerOutbox"/>): by e-mail when the person
/// gave one, else by SMS unless their phone answered STOP. The complaint and its answer are unsealed only here, to
/// write the message.
/// </summary>
public sealed class ComplaintAnswerDispatcher(
    ComplaintAnswerOutbox outbox,
    ComplaintAnswerComposer composer,
    PersonalDataProtector protector,
    SmsOptOuts optOuts,
    EmailChannel email,
    SmsChannel sms,
    IOptions<DispatchOptions> options,
    TimeProvider clock,
    ILogger<ComplaintAnswerDispatcher> logger)
    : LeasedOutboxDispatcher<ClaimedComplaintAnswer>(outbox, BatchSize, options.Value, clock, logger)
{
    private const int BatchSize = 20;

    protected override async Task<SendOutcome> SendAsync(ClaimedComplaintAnswer message, CancellationToken cancellationToken)
    {
        var complaint = protector.Unseal<PrivacyComplaint>(message.Complaint.Ciphertext, message.Complaint.KeyId, PrivacyComplaint.SealPurpose);
        var answer = protector.Unseal<PrivacyAnswer>(message.Answer.Ciphertext, message.Answer.KeyId, PrivacyAnswer.SealPurpose).Text;
        // No booking: the tag names the message only, so a provider's report matches no booking's message.
        var tag = new MessageTag(message.Id, null, complaint.Language);
        if (complaint.Email is { Length: > 0 } address)
            return await email.SendAsync(new OutgoingEmail(tag, address, composer.ComposeEmail(complaint, message.Reference, answer)), cancellationToken);
        if (complaint.Phone is { Length: > 0 } phone && (await optOuts.OptedOutAsync([protector.PhoneFingerprint(phone)], cancellationToken)).Count == 0)
            return await sms.SendAsync(new OutgoingSms(tag, phone, composer.ComposeSms(complaint, message.Reference, answer)), cancellationToken);
        return new SendOutcome.Permanent("No e-mail address, and no phone that may be written to.");
    }
}
