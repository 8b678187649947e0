using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Booking.Passes.Keys;

/// <summary>
/// Reads and writes the <c>SigningKeys</c> entry of the platform's key file (the file that already holds the
/// personal-data keys, outside the database), leaving its other entries as they are. In production an HSM or
/// Key Vault holds these keys and signs; this file stands in for it on a workstation and in tests.
/// </summary>
public static class SigningKeyFile
{
    private const string Entry = "SigningKeys";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static SigningKeyRing Load(string path)
    {
        var entries = ReadEntries(ReadDocument(path));
        return new SigningKeyRing(entries.Select(e => SigningKey.FromPkcs8(Convert.FromBase64String(e.PrivateKey), e.CreatedAt, e.ActivatesAt, e.RetiresAt)).ToList());
    }

    /// <summary>Gives a key file its first signing key; a file that has one is left unchanged.</summary>
    public static SigningKey? AddFirstKeyIfMissing(string path, DateTimeOffset now)
    {
        var document = ReadDocument(path);
        if (ReadEntries(document).Count > 0)
            return null;
        var key = SigningKey.Generate(now, activatesAt: now);
        Write(path, document, [key]);
        return key;
    }

    /// <summary>
    /// A new key signs from now on; the keys in service retire after <paramref name="overlap"/>, long enough for
    /// passes already handed out to be used. Keys retired before now are dropped, destroying their private part.
    /// </summary>
    public static SigningKeyRotation Rotate(string path, DateTimeOffset now, TimeSpan overlap)
    {
        if (overlap < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(overlap), "The overlap cannot be negative.");
        var document = ReadDocument(path);
        var current = Load(path).Keys;
        var retiresAt = now + overlap;
        var kept = current.Where(k => k.IsPublishedAt(now))
            .Select(k => k.RetiresAt is { } r && r <= retiresAt ? k : k.RetiringAt(retiresAt))
            .ToList();
        var added = SigningKey.Generate(now, activatesAt: now);
        Write(path, document, [.. kept, added]);
        return new SigningKeyRotation(added, kept, current.Where(k => !k.IsPublishedAt(now)).ToList());
    }

    private static JsonObject ReadDocument(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) as JsonObject
        ?? throw new InvalidDataException($"Key file {path} is not a JSON object.");

    private static List<StoredKey> ReadEntries(JsonObject document) =>
        document[Entry]?.Deserialize<List<StoredKey>>(Json) ?? [];

    private static void Write(string path, JsonObject document, IEnumerable<SigningKey> keys)
    {
        document[Entry] = JsonSerializer.SerializeToNode(
            keys.Select(k => new StoredKey(k.Kid, k.CreatedAt, k.ActivatesAt, k.RetiresAt, Convert.ToBase64String(k.ExportPkcs8()))).ToList(), Json);
        // Written beside and moved over, so a crash mid-write cannot leave a half key file; created owner-only (a
        // leftover from a crash is removed first, as it would keep its own mode), so no other user ever reads the keys.
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, new UTF8Encoding(false), options))
            writer.Write(document.ToJsonString(Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The kid is stored for operators reading the file; the key's identity is recomputed from the key itself.</summary>
    private sealed record StoredKey(string Kid, DateTimeOffset CreatedAt, DateTimeOffset ActivatesAt, DateTimeOffset? RetiresAt, string PrivateKey);
}

/// <summary>What a rotation did, for the operator's console (ids and dates only).</summary>
public sealed record SigningKeyRotation(SigningKey Added, IReadOnlyList<SigningKey> Overlapping, IReadOnlyList<SigningKey> Dropped);
