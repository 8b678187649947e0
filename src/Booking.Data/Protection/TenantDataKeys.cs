using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Booking.Data.Protection;

/// <summary>
/// Each tenant's own data key, in the key file's <c>TenantKeys</c> entry beside the platform's keys (never in the
/// database): what is sealed for a tenant's bookings opens with it alone, so destroying it shreds that tenant's data
/// and nobody else's. Its id, <c>t-&lt;tenant&gt;-v&lt;n&gt;</c>, is stored with every row it sealed. Written by the
/// operator's tool only (the hosts read the file and pick a change up at their next seal or unseal).
/// </summary>
public static class TenantDataKeys
{
    private const string KeysEntry = "TenantKeys";
    private const string DestroyedEntry = "DestroyedTenantKeys";
    private const string Prefix = "t-";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string KeyId(Guid tenantId, int version) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{tenantId:D}-v{version}");

    /// <summary>Every key id of the tenant, as a SQL <c>like</c> pattern (a uuid holds no wildcard).</summary>
    public static string KeyIdPattern(Guid tenantId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{tenantId:D}-v%");

    /// <summary>The tenant a key id belongs to; null for a platform key.</summary>
    public static Guid? TenantOf(string keyId) =>
        keyId.StartsWith(Prefix, StringComparison.Ordinal) && keyId.Length > Prefix.Length + 36
        && Guid.TryParseExact(keyId.AsSpan(Prefix.Length, 36), "D", out var tenant) ? tenant : null;

    /// <summary>The newest key id of each tenant among <paramref name="keyIds"/>.</summary>
    public static IReadOnlyDictionary<Guid, string> Newest(IEnumerable<string> keyIds) =>
        keyIds.Select(id => (Id: id, Tenant: TenantOf(id)))
            .Where(k => k.Tenant is not null)
            .GroupBy(k => k.Tenant!.Value)
            .ToDictionary(g => g.Key, g => g.MaxBy(k => Version(k.Id))!.Id);

    /// <summary>Gives each tenant that has none its first key. A tenant whose keys were destroyed gets no new one: it
    /// left, and data sealed for it again would outlive its departure.</summary>
    public static TenantKeysAdded AddMissing(string path, IEnumerable<Guid> tenantIds)
    {
        var document = Read(path);
        var keys = Keys(document);
        var destroyed = Destroyed(document);
        var added = new List<string>();
        var refused = new List<Guid>();
        foreach (var tenant in tenantIds.Distinct())
        {
            if (keys.Keys.Any(id => TenantOf(id) == tenant))
                continue;
            if (destroyed.Any(id => TenantOf(id) == tenant))
            {
                refused.Add(tenant);
                continue;
            }
            var id = KeyId(tenant, 1);
            keys[id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            added.Add(id);
        }
        if (added.Count > 0)
            Write(path, document, keys, destroyed);
        return new TenantKeysAdded(added, refused);
    }

    /// <summary>Removes every key of the tenant from the file and lists their ids as destroyed; the ids removed (none
    /// when the tenant has no key left, e.g. it was shredded already).</summary>
    public static IReadOnlyList<string> Destroy(string path, Guid tenantId)
    {
        var document = Read(path);
        var keys = Keys(document);
        var removed = keys.Keys.Where(id => TenantOf(id) == tenantId).Order(StringComparer.Ordinal).ToList();
        if (removed.Count == 0)
            return [];
        foreach (var id in removed)
            keys.Remove(id);
        Write(path, document, keys, [.. Destroyed(document), .. removed]);
        return removed;
    }

    /// <summary>The ids of a tenant's keys that were destroyed, as the file lists them.</summary>
    public static IReadOnlyList<string> DestroyedOf(string path, Guid tenantId) =>
        Destroyed(Read(path)).Where(id => TenantOf(id) == tenantId).ToList();

    private static int Version(string keyId) =>
        int.TryParse(keyId.AsSpan(keyId.LastIndexOf("-v", StringComparison.Ordinal) + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static JsonObject Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"Key file {path} is not a JSON object.");

    private static Dictionary<string, string> Keys(JsonObject document) =>
        document[KeysEntry]?.Deserialize<Dictionary<string, string>>(Json) ?? [];

    private static List<string> Destroyed(JsonObject document) =>
        document[DestroyedEntry]?.Deserialize<List<string>>(Json) ?? [];

    private static void Write(string path, JsonObject document, Dictionary<string, string> keys, List<string> destroyed)
    {
        document[KeysEntry] = JsonSerializer.SerializeToNode(keys, Json);
        document[DestroyedEntry] = JsonSerializer.SerializeToNode(destroyed, Json);
        KeyFileAccess.WriteOwnerOnly(path, document.ToJsonString(Json));
    }
}

/// <summary>What onboarding did: the key ids created, and the tenants refused a key because theirs were destroyed.</summary>
public sealed record TenantKeysAdded(IReadOnlyList<string> Added, IReadOnlyList<Guid> Refused);
