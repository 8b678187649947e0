using Booking.Passes.Keys;

namespace Booking.Passes;

/// <summary>The public half of the ring as of now: what <c>/.well-known/jwks.json</c> serves and the verifier trusts.
/// Evaluated at each call, so a key that reaches its retirement date stops verifying without a restart.</summary>
public sealed class PublishedKeys(SigningKeyRing keys, TimeProvider time)
{
    public JsonWebKeySet Current() => keys.PublishedAt(time.GetUtcNow());
}
