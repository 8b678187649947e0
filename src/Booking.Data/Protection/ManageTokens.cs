using System.Security.Cryptography;
using System.Text;

namespace Booking.Data.Protection;

/// <summary>The secret in a citizen's manage link, derived from the confirmation code with a key held outside
/// the database: nothing secret is stored, and a retried confirmation returns the very same token.</summary>
public sealed class ManageTokens(KeyRing keys)
{
    public string For(string confirmationCode) =>
        Base64Url(HMACSHA256.HashData(keys.ManageTokenKey, Encoding.UTF8.GetBytes("manage|" + confirmationCode)).AsSpan(0, 18));

    public bool Verify(string confirmationCode, string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(For(confirmationCode)), Encoding.ASCII.GetBytes(token));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
