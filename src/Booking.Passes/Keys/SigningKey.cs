using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Booking.Passes.Keys;

/// <summary>One ES256 (ECDSA P-256) key that signs appointment passes for a period. Its id is the RFC 7638
/// thumbprint of its public key, so an id cannot be paired with other key material (no key substitution).
/// The private part never leaves this class except to be written back to the key file.</summary>
public sealed class SigningKey
{
    private readonly ECParameters _privateKey;
    private readonly EcdsaPool _signers;

    private SigningKey(ECParameters privateKey, DateTimeOffset createdAt, DateTimeOffset activatesAt, DateTimeOffset? retiresAt)
    {
        _privateKey = privateKey;
        _signers = new EcdsaPool(privateKey);
        CreatedAt = createdAt;
        ActivatesAt = activatesAt;
        RetiresAt = retiresAt;
        PublicKey = JsonWebKey.ForPublicKey(privateKey.Q);
    }

    public string Kid => PublicKey.Kid;
    public DateTimeOffset CreatedAt { get; }
    /// <summary>From then on this key signs, unless a newer key is active too.</summary>
    public DateTimeOffset ActivatesAt { get; }
    /// <summary>From then on tokens signed with this key no longer verify; null while it is the current key.</summary>
    public DateTimeOffset? RetiresAt { get; }
    public JsonWebKey PublicKey { get; }

    public static SigningKey Generate(DateTimeOffset now, DateTimeOffset activatesAt)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new SigningKey(ecdsa.ExportParameters(includePrivateParameters: true), now, activatesAt, retiresAt: null);
    }

    public static SigningKey FromPkcs8(ReadOnlySpan<byte> pkcs8, DateTimeOffset createdAt, DateTimeOffset activatesAt, DateTimeOffset? retiresAt)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new CryptographicException("An appointment-pass signing key must be on curve P-256 (ES256).");
        return new SigningKey(parameters, createdAt, activatesAt, retiresAt);
    }

    public bool IsPublishedAt(DateTimeOffset now) => RetiresAt is null || now < RetiresAt;

    public bool CanSignAt(DateTimeOffset now) => ActivatesAt <= now && IsPublishedAt(now);

    public SigningKey RetiringAt(DateTimeOffset retiresAt) => new(_privateKey, CreatedAt, ActivatesAt, retiresAt);

    /// <summary>The JWS signature (IEEE P1363 r‖s, as RFC 7518 §3.4 requires) of the signing input, in its low-S form
    /// (the only one verifiers accept, see <see cref="LowS"/>).</summary>
    internal byte[] Sign(byte[] signingInput) => LowS.Normalise(_signers.Use(ecdsa =>
        ecdsa.SignData(signingInput, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));

    internal byte[] ExportPkcs8()
    {
        using var ecdsa = ECDsa.Create(_privateKey);
        return ecdsa.ExportPkcs8PrivateKey();
    }

    /// <summary>Safe to log: identifies the key and its period, never its private part.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"signing key {Kid} (ES256, active from {ActivatesAt:u}");
        if (RetiresAt is { } retires)
            text.Append(CultureInfo.InvariantCulture, $", retires {retires:u}");
        return text.Append(')').ToString();
    }
}
