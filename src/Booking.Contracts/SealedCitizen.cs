using Orleans;

namespace Booking.Contracts;

/// <summary>A citizen's details as they travel and are stored: AES-256-GCM ciphertext sealed at the edge, plus
/// keyed fingerprints for look-ups (the phone's for the contact centre), and, for statistics, the age band on the
/// appointment's day and the forward sortation area of the postal code (<c>H2X</c>) when one was given. Grains and the database never see the plaintext.</summary>
[GenerateSerializer, Immutable, Alias("booking.SealedCitizen")]
public sealed record SealedCitizen(byte[] Ciphertext, string KeyId, byte[] Fingerprint, byte[]? HealthCardFingerprint, string Language,
    byte[]? PhoneFingerprint = null, string? AgeBand = null, string? Fsa = null);
