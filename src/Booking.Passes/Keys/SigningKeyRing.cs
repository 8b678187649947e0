namespace Booking.Passes.Keys;

/// <summary>The signing keys from the key file. The newest active key signs; every key not yet retired is
/// published, so passes signed before a rotation still verify during the overlap.</summary>
public sealed class SigningKeyRing(IReadOnlyList<SigningKey> keys)
{
    public IReadOnlyList<SigningKey> Keys { get; } = keys;

    /// <summary>The key that signs at <paramref name="now"/>, or null when none is active. Of keys activated at the
    /// same instant, the one added last to the file wins.</summary>
    public SigningKey? SignerAt(DateTimeOffset now) =>
        NewestFirst().FirstOrDefault(k => k.CanSignAt(now));

    public JsonWebKeySet PublishedAt(DateTimeOffset now) =>
        new(NewestFirst().Where(k => k.IsPublishedAt(now)).Select(k => k.PublicKey).ToList());

    private IEnumerable<SigningKey> NewestFirst() =>
        Keys.Select((key, position) => (key, position)).OrderByDescending(k => k.key.ActivatesAt).ThenByDescending(k => k.position).Select(k => k.key);
}
