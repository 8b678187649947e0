using System.Security.Cryptography;

namespace Booking.Data.Protection;

/// <summary>A record sealed with a tenant key destroyed when its tenant left (crypto-shredding): it is gone for good, and
/// whoever reads it says so instead of failing.</summary>
public sealed class DataKeyDestroyedException(string message) : CryptographicException(message);
