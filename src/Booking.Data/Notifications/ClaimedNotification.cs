using Booking.Data.Protection;

namespace Booking.Data.Notifications;

/// <summary>A message a dispatcher has claimed, with what it needs to reach the citizen: the booking's facts and
/// sealed contact, read in the claim's own round trip (and the sealed answer of a 'PrivacyRequestAnswered').</summary>
public sealed record ClaimedNotification(
    Guid Id,
    Guid TenantId,
    Guid BookingId,
    string Kind,
    string Category,
    string? Channel,
    int Attempts,
    Guid? FallbackOf,
    DateTimeOffset? PreviousSlotStart,
    Guid? PreviousLocationId,
    string ConfirmationCode,
    string ServiceCode,
    Guid LocationId,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    string BookingLanguage,
    byte[] CitizenCiphertext,
    string EncryptionKeyId,
    TimeSpan Overdue,
    OfferedSlot? Offer = null,
    SealedData? PrivacyAnswer = null);

/// <summary>The earlier seat a bulk offer holds, for a 'BulkOffer' message.</summary>
public sealed record OfferedSlot(Guid Id, Guid LocationId, DateTimeOffset SlotStart, DateTimeOffset ExpiresAt);

/// <summary>What became of one claimed message after a send attempt.</summary>
/// <param name="Status">queued (retry at <paramref name="RetryAt"/>), sent, failed or dead_letter.</param>
/// <param name="FallbackChannel">When set, a new message on that channel replaces this failed one.</param>
public sealed record SendRecord(
    Guid Id,
    string Channel,
    string Status,
    string? ProviderMessageId,
    string? Error,
    DateTimeOffset? RetryAt,
    string? FallbackChannel);

public static class NotificationStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Bounced = "bounced";
    public const string DeadLetter = "dead_letter";
}

public static class NotificationChannel
{
    public const string Email = "email";
    public const string Sms = "sms";

    public static string Other(string channel) => channel == Email ? Sms : Email;
}
