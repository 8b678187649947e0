namespace Booking.Data.Bookings;

public sealed record StoredBooking(
    Guid Id,
    string ConfirmationCode,
    Guid TenantId,
    Guid LocationId,
    string ServiceCode,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    int Seat,
    string Status,
    byte[] HoldDigest,
    byte[]? IdempotencyDigest,
    byte[] CitizenCiphertext,
    string EncryptionKeyId,
    string Language,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    byte[]? RequestDigest)
{
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";

    public bool IsConfirmed => Status == Confirmed;

    /// <summary>Whether a confirmation of this booking's hold is a retry of the one that made it: same Idempotency-Key and
    /// same request. Anything else must learn nothing about the booking.</summary>
    public bool IsRetriedBy(string? idempotencyKey, byte[]? requestDigest) =>
        idempotencyKey is not null && requestDigest is not null && IdempotencyDigest is not null && RequestDigest is not null
        && IdempotencyDigest.AsSpan().SequenceEqual(BookingDigests.Of(idempotencyKey))
        && RequestDigest.AsSpan().SequenceEqual(requestDigest);
}
