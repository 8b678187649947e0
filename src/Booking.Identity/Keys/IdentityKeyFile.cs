using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Booking.Identity.Keys;

/// <summary>The identity server's keys, as the key file's <c>IdentityKeys</c> entry holds them (beside, never inside,
/// the database): an ECDSA P-256 key that signs tokens (ES256, published in the JWKS) and an AES key that seals what the
/// server keeps for itself. Their own keys, not the passes' nor the personal data's: one leaked opens nothing else.</summary>
public sealed record IdentityKeys(ECDsaSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    private const string Entry = "IdentityKeys";
    // The key file's field names, fixed by the files already written: not tied to these properties' names.
    private const string SigningField = "Signing";
    private const string EncryptionField = "Encryption";

    public static IdentityKeys Load(string path)
    {
        var entry = Read(path)[Entry] ?? throw new InvalidDataException($"Key file {path} has no {Entry}: run `Booking.Tool init-keys {path}`.");
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(entry[SigningField]!.GetValue<string>()), out _);
        var signing = new ECDsaSecurityKey(ecdsa) { KeyId = entry["SigningKeyId"]!.GetValue<string>() };
        return new IdentityKeys(signing, new SymmetricSecurityKey(Convert.FromBase64String(entry[EncryptionField]!.GetValue<string>())));
    }

    /// <summary>Gives a key file the identity server's keys; a file that has them is left unchanged. Returns the new
    /// signing key's id, or null.</summary>
    public static string? AddIfMissing(string path)
    {
        var document = Read(path);
        if (document[Entry] is not null)
            return null;
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var kid = $"id-{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
        document[Entry] = new JsonObject
        {
            ["SigningKeyId"] = kid,
            [SigningField] = Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey()),
            [EncryptionField] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        // Written beside and moved over, owner-only, as the other entries of the file are.
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, new UTF8Encoding(false), options))
            writer.Write(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, path, overwrite: true);
        return kid;
    }

    private static JsonObject Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"Key file {path} is not a JSON object.");
}
