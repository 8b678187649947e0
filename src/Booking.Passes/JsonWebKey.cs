using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Booking.Passes;

/// <summary>A public EC P-256 key as RFC 7517 publishes it. There is no private parameter (<c>d</c>) on this type
/// at all, so a published set cannot leak one.</summary>
public sealed record JsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg)
{
    public const string Algorithm = "ES256";

    public static JsonWebKey ForPublicKey(ECPoint q)
    {
        var x = Base64Url.EncodeToString(q.X);
        var y = Base64Url.EncodeToString(q.Y);
        return new JsonWebKey("EC", "P-256", x, y, Thumbprint(x, y), "sig", Algorithm);
    }

    /// <summary>RFC 7638: SHA-256 over the required members in lexicographic order, without spaces.</summary>
    public static string Thumbprint(string x, string y) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));

    /// <summary>Whether this entry is a P-256 signing key whose id is its own thumbprint: anything else is ignored.</summary>
    [JsonIgnore]
    public bool IsUsableEs256Key =>
        Kty == "EC" && Crv == "P-256" && Alg == Algorithm && Use == "sig" && Kid == Thumbprint(X, Y);

    internal ECParameters ToParameters() => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Base64Url.DecodeFromChars(X), Y = Base64Url.DecodeFromChars(Y) },
    };
}
