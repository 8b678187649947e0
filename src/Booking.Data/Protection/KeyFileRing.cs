namespace Booking.Data.Protection;

/// <summary>
/// The key ring as the key file holds it now. Every host reads the same file, which only the operator's tool writes
/// (atomically): a tenant key added at onboarding seals, and a destroyed one stops opening, at the next use, with no
/// restart. Each use costs one look at the file's write time (a system call, no clock), so callers take the ring once
/// per operation (see <see cref="PersonalDataProtector"/>).
/// </summary>
public sealed class KeyFileRing(string path)
{
    private sealed record Loaded(DateTime WrittenAt, KeyRing Ring);

    private Loaded? _loaded;

    public KeyRing Current
    {
        get
        {
            var writtenAt = File.GetLastWriteTimeUtc(path);
            if (_loaded is { } loaded && loaded.WrittenAt == writtenAt)
                return loaded.Ring;
            var ring = KeyRing.Load(path);
            _loaded = new Loaded(writtenAt, ring);
            return ring;
        }
    }
}
