using System.Data.Common;

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
    byte[]? CitizenCiphertext,
    string? EncryptionKeyId,
    string Language,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    byte[]? RequestDigest)
{
    /// <summary>The columns <see cref="Read"/> reads, by name: select these and map with it.</summary>
    internal const string Columns = """
        id, confirmation_code, tenant_id, location_id, service_code, slot_start, slot_end, seat, status, hold_digest,
        idempotency_digest, citizen_ciphertext, encryption_key_id, language, version, created_at, cancelled_at, request_digest
        """;

    /// <summary>The booking in the reader's current row, which selected <see cref="Columns"/>.</summary>
    internal static StoredBooking Read(DbDataReader row)
    {
        T Value<T>(string column) => row.GetFieldValue<T>(row.GetOrdinal(column));
        T? Optional<T>(string column) where T : class => row.IsDBNull(row.GetOrdinal(column)) ? null : Value<T>(column);
        DateTimeOffset? OptionalInstant(string column) => row.IsDBNull(row.GetOrdinal(column)) ? null : Value<DateTimeOffset>(column);
        return new StoredBooking(
            Value<Guid>("id"), Value<string>("confirmation_code"), Value<Guid>("tenant_id"), Value<Guid>("location_id"),
            Value<string>("service_code"), Value<DateTimeOffset>("slot_start"), Value<DateTimeOffset>("slot_end"), Value<int>("seat"),
            Value<string>("status"), Value<byte[]>("hold_digest"), Optional<byte[]>("idempotency_digest"),
            Optional<byte[]>("citizen_ciphertext"), Optional<string>("encryption_key_id"), Value<string>("language"), Value<int>("version"),
            Value<DateTimeOffset>("created_at"), OptionalInstant("cancelled_at"), Optional<byte[]>("request_digest"));
    }

    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";

    public bool IsConfirmed => Status == Confirmed;

    /// <summary>The citizen's details were erased under the retention rule; the booking's facts stay.</summary>
    public bool IsErased => CitizenCiphertext is null;

    /// <summary>Whether a confirmation of this booking's hold is a retry of the one that made it: same Idempotency-Key and
    /// same request. Anything else must learn nothing about the booking.</summary>
    public bool IsRetriedBy(string? idempotencyKey, byte[]? requestDigest) =>
        idempotencyKey is not null && requestDigest is not null && IdempotencyDigest is not null && RequestDigest is not null
        && IdempotencyDigest.AsSpan().SequenceEqual(BookingDigests.Of(idempotencyKey))
        && RequestDigest.AsSpan().SequenceEqual(requestDigest);
}
