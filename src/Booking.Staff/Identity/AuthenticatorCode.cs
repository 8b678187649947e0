using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Booking.Staff.Identity;

/// <summary>Authenticator codes as the apps compute them (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), and which
/// step a code belongs to, which Identity's own check does not tell.</summary>
public static class AuthenticatorCode
{
    private const int StepSeconds = 30;

    /// <summary>Steps accepted either side of now (phones' clocks drift): Identity's own window.</summary>
    private const int Window = 2;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The step within the window around <paramref name="now"/> whose code is <paramref name="code"/> (the
    /// latest, should two share it), or null.</summary>
    public static long? MatchingStep(string base32Key, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return null;
        var key = FromBase32(base32Key);
        var current = StepAt(now);
        long? matching = null;
        for (var step = current - Window; step <= current + Window; step++)
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(At(key, step)), Encoding.ASCII.GetBytes(code)))
                matching = step;
        return matching;
    }

    /// <summary>The code of one step (RFC 4226's dynamic truncation of the step's HMAC).</summary>
    public static string At(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        // TOTP (RFC 6238 over RFC 4226) is HMAC-SHA1, the only algorithm authenticator apps agree on for these keys.
#pragma warning disable CA5350
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFF_FFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base 32, as Identity writes the keys (upper case, no padding).</summary>
    public static byte[] FromBase32(string text)
    {
        var input = text.TrimEnd('=').ToUpperInvariant();
        var bytes = new byte[input.Length * 5 / 8];
        int buffer = 0, bits = 0, written = 0;
        foreach (var character in input)
        {
            var value = Base32Alphabet.IndexOf(character);
            if (value < 0)
                throw new FormatException("Not a base-32 authenticator key.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8)
                continue;
            bits -= 8;
            bytes[written++] = (byte)(buffer >> bits);
            buffer &= (1 << bits) - 1;
        }
        return bytes;
    }
}
