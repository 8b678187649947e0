using System.Security.Cryptography;
using System.Text;

namespace Booking.Data.Protection;

/// <summary>The secret in the link of an earlier-appointment offer, derived from the offer's id with the manage-link
/// key under its own label: it opens that one offer and nothing else (not the booking's manage page).</summary>
public sealed class OfferTokens(KeyRing keys)
{
    public string For(Guid offerId) =>
        Base64Url(HMACSHA256.HashData(keys.ManageTokenKey, Encoding.UTF8.GetBytes("offer|" + offerId.ToString("N"))).AsSpan(0, 18));

    public bool Verify(Guid offerId, string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(offerId)), Encoding.ASCII.GetBytes(token));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
