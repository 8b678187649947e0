namespace Booking.Grains.Inventory;

/// <summary>A citizen's details as they travel and are stored: AES-256-GCM ciphertext sealed at the edge, plus
/// keyed fingerprints for look-ups (the phone's for the contact centre). Grains and the database never see the plaintext.</summary>
[GenerateSerializer, Immutable, Alias("booking.SealedCitizen")]
public sealed record SealedCitizen(byte[] Ciphertext, string KeyId, byte[] Fingerprint, byte[]? HealthCardFingerprint, string Language,
    byte[]? PhoneFingerprint = null);
