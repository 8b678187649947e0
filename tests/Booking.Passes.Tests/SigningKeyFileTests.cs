using System.Text.Json;
using Booking.Data.Protection;
using Booking.Passes.Keys;

namespace Booking.Passes.Tests;

public sealed class SigningKeyFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"booking-keys-{Guid.NewGuid():N}.json");
    private readonly DateTimeOffset _now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_first_signing_key_is_added_to_an_existing_key_file_without_touching_its_other_keys()
    {
        var ring = KeyRing.Generate("k1");
        ring.Save(_path);

        var added = SigningKeyFile.AddFirstKeyIfMissing(_path, _now);
        var again = SigningKeyFile.AddFirstKeyIfMissing(_path, _now.AddDays(1));

        Assert.NotNull(added);
        Assert.Null(again);
        var reloaded = KeyRing.Load(_path);
        Assert.Equal(ring.EncryptionKeys["k1"], reloaded.EncryptionKeys["k1"]);
        Assert.Equal(ring.ManageTokenKey, reloaded.ManageTokenKey);
        Assert.Equal(added.Kid, SigningKeyFile.Load(_path).Keys.Single().Kid);
    }

    [Fact]
    public void A_key_file_without_signing_keys_loads_as_an_empty_ring()
    {
        KeyRing.Generate("k1").Save(_path);

        Assert.Empty(SigningKeyFile.Load(_path).Keys);
        Assert.Null(SigningKeyFile.Load(_path).SignerAt(_now));
    }

    [Fact]
    public void The_published_set_has_public_parameters_only()
    {
        File.WriteAllText(_path, "{}");
        SigningKeyFile.AddFirstKeyIfMissing(_path, _now);
        SigningKeyFile.Rotate(_path, _now.AddMinutes(1), TimeSpan.FromDays(30));

        var json = SigningKeyFile.Load(_path).PublishedAt(_now.AddMinutes(2)).ToJson();

        using var document = JsonDocument.Parse(json);
        var keys = document.RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(2, keys.Count);
        foreach (var key in keys)
        {
            Assert.Equal(["kty", "crv", "x", "y", "kid", "use", "alg"], key.EnumerateObject().Select(p => p.Name));
            Assert.Equal("EC", key.GetProperty("kty").GetString());
            Assert.Equal("P-256", key.GetProperty("crv").GetString());
            Assert.Equal("ES256", key.GetProperty("alg").GetString());
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.False(key.TryGetProperty("d", out _));
        }
    }

    [Fact]
    public void A_published_set_parses_back_and_drops_entries_whose_kid_is_not_their_thumbprint()
    {
        File.WriteAllText(_path, "{}");
        var key = SigningKeyFile.AddFirstKeyIfMissing(_path, _now)!;
        var json = SigningKeyFile.Load(_path).PublishedAt(_now).ToJson();
        var forged = json.Replace(key.Kid, "someone-elses-kid");

        Assert.Equal(key.Kid, JsonWebKeySet.Parse(json).Keys.Single().Kid);
        Assert.Empty(JsonWebKeySet.Parse(forged).Keys);
    }

    [Fact]
    public void A_signing_key_shows_no_private_material_when_logged()
    {
        File.WriteAllText(_path, "{}");
        var key = SigningKeyFile.AddFirstKeyIfMissing(_path, _now)!;
        var privateKey = JsonDocument.Parse(File.ReadAllText(_path)).RootElement.GetProperty("SigningKeys")[0].GetProperty("PrivateKey").GetString()!;

        var text = key.ToString();

        Assert.Contains(key.Kid, text);
        Assert.DoesNotContain(privateKey[..16], text);
        Assert.DoesNotContain(privateKey[..16], $"{SigningKeyFile.Load(_path)}");
    }

    [Fact]
    public void The_key_file_is_readable_by_its_owner_only()
    {
        File.WriteAllText(_path, "{}");
        SigningKeyFile.AddFirstKeyIfMissing(_path, _now);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
    }

    public void Dispose() => File.Delete(_path);
}
