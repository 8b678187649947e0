using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Notifications.Dispatch;

namespace Booking.Notifications.Webhooks;

/// <summary>Applies a provider's report (the channel is the provider's, since the report may overtake our own record of
/// the send) to our message; a final failure hands the message to the other channel
/// when the citizen has it (looked up from the sealed contact, never from the report).</summary>
public sealed class DeliveryReports(ProviderEvents events, SmsOptOuts optOuts, PersonalDataProtector protector)
{
    public async Task ApplyAsync(Guid notificationId, string channel, string status, string? providerMessageId, string? detail, CancellationToken cancellationToken)
    {
        string? fallback = null;
        if (status is NotificationStatus.Failed or NotificationStatus.Bounced
            && await events.ContactAsync(notificationId, cancellationToken) is { } contact)
        {
            var citizen = protector.Unseal(contact.Ciphertext, contact.KeyId);
            var optedOut = citizen.Phone is { Length: > 0 } phone
                && (await optOuts.OptedOutAsync([protector.PhoneFingerprint(phone)], cancellationToken)).Count > 0;
            var other = NotificationChannel.Other(channel);
            fallback = new CitizenContact(citizen, optedOut).Has(other) ? other : null;
        }
        await events.ApplyAsync(notificationId, channel, status, providerMessageId, detail, fallback, cancellationToken);
    }
}
