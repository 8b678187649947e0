using System.Security.Cryptography;

namespace Booking.Data.Identity;

/// <summary>
/// Machine client secrets: 256 random bits, shown once, kept as their SHA-256. A slow password hash protects guessable
/// human passwords; a random 256-bit secret cannot be guessed from its hash, and the token endpoint checks it on every
/// request, so a fast hash is the right one here (as for API keys).
/// </summary>
public static class ClientSecrets
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string? presented, byte[] hash) =>
        presented is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Hash(presented), hash);

    /// <summary>A new public client id: <c>bi-</c> and 16 hex digits.</summary>
    public static string NewClientId() => "bi-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
