namespace Booking.DevInbox;

/// <summary>An attachment as sent: its bytes (base64 again when listed as JSON).</summary>
public sealed record RecordedAttachment(string FileName, string ContentType, byte[] Content, string? ContentId);

/// <summary>A message as the citizen would see it, plus what identifies it. <see cref="Status"/> follows the
/// webhooks the stub sent back (accepted, delivered, bounced, failed).</summary>
public sealed record RecordedMessage(
    string ProviderId,
    string Channel,
    string IdempotencyKey,
    string? BookingId,
    string? Language,
    string To,
    string? Subject,
    string? TextBody,
    string? HtmlBody,
    IReadOnlyList<RecordedAttachment> Attachments,
    DateTimeOffset ReceivedAt)
{
    public string Status { get; set; } = "accepted";
}
