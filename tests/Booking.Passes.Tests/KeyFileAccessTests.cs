using System.Runtime.Versioning;
using Booking.Data.Protection;
using Booking.Passes.Keys;

namespace Booking.Passes.Tests;

/// <summary>The key file is its owner's alone, however it was made: new, grown by a signing key, or left by an older version.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class KeyFileAccessTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"booking-keys-{Guid.NewGuid():N}.json");

    [Fact]
    public void A_new_key_file_and_its_signing_keys_are_readable_by_their_owner_only()
    {
        KeyRing.Generate("k1").Save(_path);
        Assert.Equal(KeyFileAccess.OwnerOnly, File.GetUnixFileMode(_path));

        SigningKeyFile.AddFirstKeyIfMissing(_path, DateTimeOffset.UtcNow);
        Assert.Equal(KeyFileAccess.OwnerOnly, File.GetUnixFileMode(_path));
    }

    [Fact]
    public void A_key_file_others_could_read_is_narrowed_to_its_owner()
    {
        KeyRing.Generate("k1").Save(_path);
        File.SetUnixFileMode(_path, KeyFileAccess.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.True(KeyFileAccess.RestrictToOwner(_path));
        Assert.Equal(KeyFileAccess.OwnerOnly, File.GetUnixFileMode(_path));
        Assert.False(KeyFileAccess.RestrictToOwner(_path));
    }

    [Fact]
    public void Saving_over_a_world_readable_file_leaves_it_owner_only()
    {
        File.WriteAllText(_path, "{}");
        File.SetUnixFileMode(_path, KeyFileAccess.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        KeyRing.Generate("k1").Save(_path);

        Assert.Equal(KeyFileAccess.OwnerOnly, File.GetUnixFileMode(_path));
        Assert.Equal("k1", KeyRing.Load(_path).ActiveKeyId);
    }

    [Fact]
    public void A_tenant_key_added_or_destroyed_keeps_the_file_owner_only_and_its_other_keys()
    {
        KeyRing.Generate("k1").Save(_path);
        SigningKeyFile.AddFirstKeyIfMissing(_path, DateTimeOffset.UtcNow);
        var tenant = Guid.NewGuid();

        TenantDataKeys.AddMissing(_path, [tenant]);
        Assert.Equal(KeyFileAccess.OwnerOnly, File.GetUnixFileMode(_path));
        Assert.Equal(TenantDataKeys.KeyId(tenant, 1), KeyRing.Load(_path).TenantKeyIds[tenant]);

        Assert.Equal([TenantDataKeys.KeyId(tenant, 1)], TenantDataKeys.Destroy(_path, tenant));
        var ring = KeyRing.Load(_path);
        Assert.Equal(KeyFileAccess.OwnerOnly, File.GetUnixFileMode(_path));
        Assert.Empty(ring.TenantKeyIds);
        Assert.Contains(TenantDataKeys.KeyId(tenant, 1), ring.DestroyedKeyIds);
        Assert.Equal(["k1"], ring.EncryptionKeys.Keys);
        Assert.Single(SigningKeyFile.Load(_path).Keys);
        Assert.Empty(TenantDataKeys.Destroy(_path, tenant));
    }

    public void Dispose() => File.Delete(_path);
}
