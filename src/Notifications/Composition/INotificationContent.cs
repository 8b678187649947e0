using Booking.Data.Notifications;
using Booking.Domain.Citizens;
using Booking.Notifications.Channels;

namespace Booking.Notifications.Composition;

/// <summary>The one step of a send that writes words: the rest of the pipeline only moves rendered messages.</summary>
public interface INotificationContent
{
    Task<RenderedEmail> EmailAsync(ClaimedNotification message, CitizenDetails citizen, CancellationToken cancellationToken);

    Task<string> SmsAsync(ClaimedNotification message, CitizenDetails citizen, CancellationToken cancellationToken);
}

public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody, IReadOnlyList<EmailAttachment> Attachments);
