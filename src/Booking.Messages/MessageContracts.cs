namespace Booking.Messages;

/// <summary>Why a citizen is written to; each kind has its own wording in each language and channel.</summary>
public enum MessageKind { BookingConfirmed, BookingRescheduled, BookingCancelledByCitizen, BookingCancelledByClinic, BookingMovedByClinic, Reminder, BulkOffer, PrivacyRequestAnswered }

public enum MessageChannel { Email, Sms }

/// <summary>What a message may say about an appointment. Only the first name: no health-card number, no
/// pre-screening answers; the composer looks up clinic and service itself. <see cref="PrivacyAnswer"/> is the privacy
/// officer's answer to the citizen's correction request, for that message only.</summary>
public sealed record AppointmentFacts(Guid BookingId, Guid TenantId, string ConfirmationCode, string Language /* "fr" | "en" */,
    string CitizenFirstName, string ServiceCode, Guid LocationId, DateTimeOffset SlotStart, DateTimeOffset SlotEnd,
    DateTimeOffset? PreviousSlotStart, Guid? PreviousLocationId, OfferFacts? Offer = null, string? PrivacyAnswer = null);

/// <summary>The earlier seat a bulk offer holds for the citizen, and until when.</summary>
public sealed record OfferFacts(Guid OfferId, Guid LocationId, DateTimeOffset SlotStart, DateTimeOffset ExpiresAt);

public sealed record EmailMessage(string Subject, string TextBody, string HtmlBody, IReadOnlyList<MessageAttachment> Attachments)
{
    /// <summary>The signed pass drawn in the QR attachment, when there is one (no name, no health information).</summary>
    public string? PassToken { get; init; }
}

/// <summary>A file sent with an e-mail; with a <see cref="ContentId"/> it is shown inline (<c>cid:</c>) in the HTML body.</summary>
public sealed record MessageAttachment(string FileName, string ContentType, byte[] Content, string? ContentId);

public sealed record SmsMessage(string Body);

public interface IMessageComposer
{
    Task<EmailMessage> ComposeEmailAsync(MessageKind kind, AppointmentFacts facts, CancellationToken cancellationToken);
    Task<SmsMessage> ComposeSmsAsync(MessageKind kind, AppointmentFacts facts, CancellationToken cancellationToken);
}
