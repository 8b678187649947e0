using System.Security.Cryptography;
using System.Text;

namespace Booking.Data.Bookings;

/// <summary>How a hold id and an Idempotency-Key are kept: their SHA-256, so a copy of the table gives no id to replay
/// (a hold id has 96 random bits) while a retry still finds its booking.</summary>
public static class BookingDigests
{
    public static byte[] Of(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    public static byte[]? OfOptional(string? value) => value is null ? null : Of(value);
}
