namespace Booking.Data.Protection;

/// <summary>A personal record encrypted by <see cref="PersonalDataProtector"/>: AES-256-GCM ciphertext and the id of its key.</summary>
public sealed record SealedData(byte[] Ciphertext, string KeyId);
