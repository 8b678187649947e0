using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Booking.Data.Protection;

/// <summary>The keys read from the key file: versioned encryption keys (the active one encrypts, all decrypt,
/// so keys rotate without re-encrypting), a fingerprint key and a manage-link key. Each tenant's data key
/// (<see cref="TenantDataKeys"/>) is among the encryption keys too, so it opens what it sealed like any other.</summary>
public sealed record KeyRing(
    string ActiveKeyId,
    IReadOnlyDictionary<string, byte[]> EncryptionKeys,
    byte[] FingerprintKey,
    byte[] ManageTokenKey)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The key each tenant's data is sealed with from now on (its newest).</summary>
    public IReadOnlyDictionary<Guid, string> TenantKeyIds { get; init; } = new Dictionary<Guid, string>();

    /// <summary>The ids of tenant keys destroyed when their tenant left (ids only: their bytes are gone).</summary>
    public IReadOnlySet<string> DestroyedKeyIds { get; init; } = new HashSet<string>();

    public static KeyRing Load(string path)
    {
        var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"Key file {path} is empty.");
        var tenantKeys = file.TenantKeys ?? [];
        var ring = new KeyRing(
            file.ActiveKeyId,
            file.EncryptionKeys.Concat(tenantKeys).ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)),
            Convert.FromBase64String(file.FingerprintKey),
            Convert.FromBase64String(file.ManageTokenKey))
        {
            TenantKeyIds = TenantDataKeys.Newest(tenantKeys.Keys),
            DestroyedKeyIds = (file.DestroyedTenantKeys ?? []).ToHashSet(StringComparer.Ordinal),
        };
        if (!ring.EncryptionKeys.TryGetValue(ring.ActiveKeyId, out var active) || active.Length != 32)
            throw new InvalidDataException($"Key file {path} has no 256-bit active encryption key '{ring.ActiveKeyId}'.");
        return ring;
    }

    public static KeyRing Generate(string keyId) => new(
        keyId,
        new Dictionary<string, byte[]> { [keyId] = RandomNumberGenerator.GetBytes(32) },
        RandomNumberGenerator.GetBytes(32),
        RandomNumberGenerator.GetBytes(32));

    /// <summary>Writes a new key file with the platform's keys (tenant keys are added by <see cref="TenantDataKeys"/>).</summary>
    public void Save(string path)
    {
        var file = new KeyFile(ActiveKeyId,
            EncryptionKeys.Where(k => TenantDataKeys.TenantOf(k.Key) is null).ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)),
            Convert.ToBase64String(FingerprintKey),
            Convert.ToBase64String(ManageTokenKey));
        KeyFileAccess.WriteOwnerOnly(path, JsonSerializer.Serialize(file, Json));
    }

    private sealed record KeyFile(string ActiveKeyId, Dictionary<string, string> EncryptionKeys, string FingerprintKey, string ManageTokenKey)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, string>? TenantKeys { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? DestroyedTenantKeys { get; init; }
    }
}
