using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Booking.Passes;

/// <summary>The compact JWS layout of a pass (RFC 7515 §7.1): header.payload.signature, each base64url. Short claim
/// names, GUIDs as 22 base64url characters and no optional <c>typ</c> header (RFC 7515 §4.1.9) keep the token near 300
/// characters: a smaller QR code, easier to scan from a phone screen and cheaper to draw.</summary>
internal static class PassToken
{
    public static string SigningInput(string kid, AppointmentPassClaims claims, DateTimeOffset issuedAt) =>
        Encode(writer =>
        {
            writer.WriteString("alg", JsonWebKey.Algorithm);
            writer.WriteString("kid", kid);
        }) + "." + Encode(writer =>
        {
            writer.WriteString("bid", CompactGuid(claims.BookingId));
            writer.WriteString("code", claims.ConfirmationCode);
            writer.WriteString("loc", CompactGuid(claims.LocationId));
            writer.WriteString("svc", claims.ServiceCode);
            writer.WriteNumber("start", claims.SlotStart.ToUnixTimeSeconds());
            writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            writer.WriteNumber("exp", claims.ExpiresAt.ToUnixTimeSeconds());
        });

    /// <summary>Splits a token into its header's algorithm and key id, its claims and its signature, or says why it cannot.</summary>
    public static bool TryRead(string token, out Parsed parsed, out string problem)
    {
        parsed = default;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            problem = "A pass has three dot-separated parts.";
            return false;
        }
        // One text per pass: base64url without padding (RFC 7515 §2), as the issuer writes it.
        if (token.Contains('='))
        {
            problem = "A pass is base64url without padding.";
            return false;
        }
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var h = header.RootElement;
            var p = payload.RootElement;
            var claims = new AppointmentPassClaims(
                ReadGuid(p.GetProperty("bid")),
                p.GetProperty("code").GetString() ?? throw new FormatException("code"),
                ReadGuid(p.GetProperty("loc")),
                p.GetProperty("svc").GetString() ?? throw new FormatException("svc"),
                DateTimeOffset.FromUnixTimeSeconds(p.GetProperty("start").GetInt64()),
                DateTimeOffset.FromUnixTimeSeconds(p.GetProperty("exp").GetInt64()));
            parsed = new Parsed(
                h.GetProperty("alg").GetString() ?? "",
                h.GetProperty("kid").GetString() ?? "",
                claims,
                DateTimeOffset.FromUnixTimeSeconds(p.GetProperty("iat").GetInt64()),
                Encoding.ASCII.GetBytes(token, 0, parts[0].Length + 1 + parts[1].Length),
                Base64Url.DecodeFromChars(parts[2]));
            problem = "";
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            problem = "The pass is not a readable appointment pass.";
            return false;
        }
    }

    public readonly record struct Parsed(string Algorithm, string Kid, AppointmentPassClaims Claims, DateTimeOffset IssuedAt,
        byte[] SigningInput, byte[] Signature);

    private static string CompactGuid(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    private static Guid ReadGuid(JsonElement element)
    {
        var bytes = Base64Url.DecodeFromChars(element.GetString() ?? throw new FormatException("GUID"));
        if (bytes.Length != 16)
            throw new FormatException("A GUID is 16 bytes.");
        return new Guid(bytes, bigEndian: true);
    }

    private static string Encode(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }
}
