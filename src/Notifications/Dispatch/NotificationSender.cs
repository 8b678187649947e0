using Booking.Data.Notifications;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Messages;
using Booking.Notifications.Channels;
using Booking.Notifications.Extensions;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Dispatch;

/// <summary>One claimed message, start to end: pick the channel, compose (the one step that writes words), send,
/// and say what to record.</summary>
public sealed class NotificationSender(
    IMessageComposer composer,
    EmailChannel email,
    SmsChannel sms,
    SmsReplies replies,
    PersonalDataProtector protector,
    NotificationMetrics metrics,
    IOptions<DispatchOptions> options,
    TimeProvider clock,
    ILogger<NotificationSender> logger)
{
    private readonly RetrySchedule _retries = new(options.Value);

    public async Task<SendRecord> SendAsync(ClaimedNotification message, CitizenContact contact, CancellationToken cancellationToken)
    {
        var channel = message.Channel ?? contact.Preferred;
        if (channel is null || !contact.Has(channel))
            return Failed(message, channel ?? NotificationChannel.Sms,
                contact.SmsOptedOut && channel != NotificationChannel.Email ? "No channel: SMS opted out and no consented e-mail." : "No contact for this channel.",
                contact);

        SendOutcome outcome;
        try
        {
            outcome = channel == NotificationChannel.Email
                ? await SendEmail(message, contact, cancellationToken)
                : await SendSms(message, contact, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Composing or sending message {Id} failed", message.Id);
            outcome = new SendOutcome.Transient(e.GetType().Name + ": " + e.Message);
        }

        if (outcome is not SendOutcome.Accepted)
            metrics.Failed(channel, "send");
        if (options.Value.CrashAfterProviderCall && outcome is SendOutcome.Accepted)
            Environment.FailFast("Test fault hook: crash after the provider accepted a message, before recording it.");

        return outcome switch
        {
            SendOutcome.Accepted accepted => new SendRecord(message.Id, channel, NotificationStatus.Sent, accepted.ProviderMessageId, null, null, null),
            SendOutcome.Transient t when !_retries.Exhausted(message.Attempts) =>
                new SendRecord(message.Id, channel, NotificationStatus.Queued, null, t.Error, _retries.NextAttempt(message.Attempts, clock.GetUtcNow()), null),
            SendOutcome.Transient t => Failed(message, channel, t.Error, contact, NotificationStatus.DeadLetter),
            SendOutcome.Permanent p => Failed(message, channel, p.Error, contact),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}"),
        };
    }

    private async Task<SendOutcome> SendEmail(ClaimedNotification message, CitizenContact contact, CancellationToken cancellationToken)
    {
        var content = await composer.ComposeEmailAsync(Enum.Parse<MessageKind>(message.Kind), Facts(message, contact), cancellationToken);
        return await email.SendAsync(new OutgoingEmail(Tag(message, contact), contact.Email!, content), cancellationToken);
    }

    private async Task<SendOutcome> SendSms(ClaimedNotification message, CitizenContact contact, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<MessageKind>(message.Kind);
        // A reminder invites a reply (ANNULER / CANCEL): the phone may cancel this booking from then on.
        if (kind == MessageKind.Reminder)
            await replies.RememberReminderAsync(protector.PhoneFingerprint(contact.Phone!), message.BookingId, cancellationToken);
        var content = await composer.ComposeSmsAsync(kind, Facts(message, contact), cancellationToken);
        return await sms.SendAsync(new OutgoingSms(Tag(message, contact), contact.Phone!, content), cancellationToken);
    }

    /// <summary>What the message may say: the first name and the appointment, nothing else of the citizen's (and the
    /// privacy officer's answer, unsealed only here, for the message that carries it).</summary>
    private AppointmentFacts Facts(ClaimedNotification message, CitizenContact contact) => new(
        message.BookingId, message.TenantId, message.ConfirmationCode, contact.Citizen.Language, contact.Citizen.FirstName,
        message.ServiceCode, message.LocationId, message.SlotStart, message.SlotEnd, message.PreviousSlotStart, message.PreviousLocationId,
        message.Offer is { } offer ? new OfferFacts(offer.Id, offer.LocationId, offer.SlotStart, offer.ExpiresAt) : null,
        message.PrivacyAnswer is { } answer ? protector.Unseal<PrivacyAnswer>(answer.Ciphertext, answer.KeyId, PrivacyAnswer.SealPurpose).Text : null);

    private static MessageTag Tag(ClaimedNotification message, CitizenContact contact) =>
        new(message.Id, message.BookingId, contact.Citizen.Language);

    /// <summary>A channel that failed for good hands the message to the other one, once, if the citizen has it.</summary>
    private static SendRecord Failed(ClaimedNotification message, string channel, string error, CitizenContact contact, string status = NotificationStatus.Failed)
    {
        var other = NotificationChannel.Other(channel);
        var fallback = message.FallbackOf is null && contact.Has(other) ? other : null;
        return new SendRecord(message.Id, channel, status, null, error, null, fallback);
    }
}
