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
    string HoldId,
    string? IdempotencyKey,
    byte[] CitizenCiphertext,
    string EncryptionKeyId,
    string Language,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt)
{
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";

    public bool IsConfirmed => Status == Confirmed;
}
