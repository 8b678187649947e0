using System.Collections.Concurrent;
using System.Security.Cryptography;
using Booking.Passes.Keys;

namespace Booking.Passes;

/// <summary>
/// Checks a pass against published public keys only, as any clinic scanner could. The key is chosen by the
/// header's kid among the trusted set, never taken from the token (no jwk/jku header is honoured), and only
/// ES256 is accepted, so neither the key nor the algorithm can be substituted.
/// </summary>
public sealed class AppointmentPassVerifier
{
    private readonly Func<JsonWebKeySet> _keys;
    private readonly TimeProvider _time;
    // Keyed by the whole public key, not the kid alone, so a changed set can never reuse another key's objects.
    private readonly ConcurrentDictionary<JsonWebKey, EcdsaPool> _verifiers = new();

    /// <summary>A verifier that follows the platform's own published keys as they rotate.</summary>
    public AppointmentPassVerifier(PublishedKeys keys, TimeProvider time) : this(keys.Current, time) { }

    /// <summary>A verifier with a fixed set, e.g. one downloaded from <c>/.well-known/jwks.json</c>.</summary>
    public AppointmentPassVerifier(JsonWebKeySet keys, TimeProvider time) : this(() => keys, time) { }

    private AppointmentPassVerifier(Func<JsonWebKeySet> keys, TimeProvider time)
    {
        _keys = keys;
        _time = time;
    }

    public PassVerification Verify(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
            return new PassVerification.Invalid(PassInvalidReason.Malformed, "The pass is empty.");
        if (!PassToken.TryRead(token.Trim(), out var pass, out var problem))
            return new PassVerification.Invalid(PassInvalidReason.Malformed, problem);
        if (pass.Algorithm != JsonWebKey.Algorithm)
            return new PassVerification.Invalid(PassInvalidReason.Malformed, $"Passes are signed with {JsonWebKey.Algorithm} only.");
        if (_keys().Find(pass.Kid) is not { } key)
            return new PassVerification.Invalid(PassInvalidReason.UnknownKey, "The pass was not signed by a key this service publishes.");

        if (!LowS.IsCanonical(pass.Signature))
            return new PassVerification.Invalid(PassInvalidReason.BadSignature, "The pass's signature is not in its canonical (low-S) form.");
        var authentic = _verifiers.GetOrAdd(key, k => new EcdsaPool(k.ToParameters())).Use(ecdsa =>
            ecdsa.VerifyData(pass.SigningInput, pass.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        if (!authentic)
            return new PassVerification.Invalid(PassInvalidReason.BadSignature, "The pass was altered or not signed by this service.");
        if (_time.GetUtcNow() >= pass.Claims.ExpiresAt)
            return new PassVerification.Invalid(PassInvalidReason.Expired, $"The pass expired at {pass.Claims.ExpiresAt:u}.");
        return new PassVerification.Valid(pass.Claims, pass.Kid, pass.IssuedAt);
    }
}
