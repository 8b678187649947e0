using Orleans;

namespace Booking.Contracts;

/// <summary>What a citizen declared when booking (screening answers, priority groups), sealed at the edge in its own
/// ciphertext; it travels with the confirmation so that it commits in the booking's own statement.</summary>
[GenerateSerializer, Immutable, Alias("booking.SealedDeclarations")]
public sealed record SealedDeclarations(byte[] Ciphertext, string KeyId);
