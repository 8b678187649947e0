using System.Security.Cryptography;
using System.Text.Json;

namespace Booking.Data.Protection;

/// <summary>The keys read from the key file: versioned encryption keys (the active one encrypts, all decrypt,
/// so keys rotate without re-encrypting), a fingerprint key and a manage-link key.</summary>
public sealed record KeyRing(
    string ActiveKeyId,
    IReadOnlyDictionary<string, byte[]> EncryptionKeys,
    byte[] FingerprintKey,
    byte[] ManageTokenKey)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static KeyRing Load(string path)
    {
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"Key file {path} is empty.");
        var ring = new KeyRing(
            file.ActiveKeyId,
            file.EncryptionKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)),
            Convert.FromBase64String(file.FingerprintKey),
            Convert.FromBase64String(file.ManageTokenKey));
        if (!ring.EncryptionKeys.TryGetValue(ring.ActiveKeyId, out var active) || active.Length != 32)
            throw new InvalidDataException($"Key file {path} has no 256-bit active encryption key '{ring.ActiveKeyId}'.");
        return ring;
    }

    public static KeyRing Generate(string keyId) => new(
        keyId,
        new Dictionary<string, byte[]> { [keyId] = RandomNumberGenerator.GetBytes(32) },
        RandomNumberGenerator.GetBytes(32),
        RandomNumberGenerator.GetBytes(32));

    public void Save(string path)
    {
        var file = new KeyFile(ActiveKeyId,
            EncryptionKeys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)),
            Convert.ToBase64String(FingerprintKey),
            Convert.ToBase64String(ManageTokenKey));
        KeyFileAccess.WriteOwnerOnly(path, JsonSerializer.Serialize(file, Json));
    }

    private sealed record KeyFile(string ActiveKeyId, Dictionary<string, string> EncryptionKeys, string FingerprintKey, string ManageTokenKey);
}
