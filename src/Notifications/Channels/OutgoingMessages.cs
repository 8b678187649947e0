using Booking.Messages;

namespace Booking.Notifications.Channels;

/// <summary>Which message this is, for the provider's reports: our id (the idempotency key), the booking (none for a
/// staff member's e-mail) and the language (no health information: the booking id is opaque).</summary>
public sealed record MessageTag(Guid NotificationId, Guid? BookingId, string Language)
{
    public string IdempotencyKey => NotificationId.ToString();
}

/// <summary>A rendered e-mail on its way to one citizen or staff member.</summary>
public sealed record OutgoingEmail(MessageTag Tag, string To, EmailMessage Content);

public sealed record OutgoingSms(MessageTag Tag, string To, SmsMessage Content);
