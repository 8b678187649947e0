using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Notifications.Dispatch;

namespace Booking.Notifications.Webhooks;

/// <summary>Applies a provider's reports (the channel is the provider's, since a report may overtake our own record of
/// the send) to our messages; a final failure hands the message to the other channel when the citizen has it (looked
/// up from the sealed contact, never from the report).</summary>
public sealed class DeliveryReports(ProviderEvents events, SmsOptOuts optOuts, PersonalDataProtector protector, NotificationMetrics metrics)
{
    public async Task ApplyAsync(string channel, IReadOnlyList<ProviderReport> reports, CancellationToken cancellationToken)
    {
        if (reports.Count == 0)
            return;
        var withFallbacks = new List<ProviderReport>(reports.Count);
        foreach (var report in reports)
            withFallbacks.Add(report.Status is NotificationStatus.Failed or NotificationStatus.Bounced
                ? report with { FallbackChannel = await FallbackAsync(report.NotificationId, channel, cancellationToken) }
                : report);
        await events.ApplyAsync(channel, withFallbacks, cancellationToken);
        metrics.Failed(channel, "report", reports.Count(r => r.Status is NotificationStatus.Failed or NotificationStatus.Bounced));
    }

    private async Task<string?> FallbackAsync(Guid notificationId, string channel, CancellationToken cancellationToken)
    {
        if (await events.ContactAsync(notificationId, cancellationToken) is not { } contact || protector.IsShredded(contact.KeyId))
            return null;
        var citizen = protector.Unseal(contact.Ciphertext, contact.KeyId);
        var optedOut = citizen.Phone is { Length: > 0 } phone
            && (await optOuts.OptedOutAsync([protector.PhoneFingerprint(phone)], cancellationToken)).Count > 0;
        var other = NotificationChannel.Other(channel);
        return new CitizenContact(citizen, optedOut).Has(other) ? other : null;
    }
}
