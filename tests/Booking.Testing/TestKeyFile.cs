using Booking.Data.Protection;
using Booking.Passes.Keys;

namespace Booking.Testing;

/// <summary>A throwaway key file, like the one the run command creates outside the database.</summary>
public static class TestKeyFile
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"booking-test-keys-{Guid.NewGuid():N}.json");
        KeyRing.Generate("test").Save(path);
        SigningKeyFile.AddFirstKeyIfMissing(path, DateTimeOffset.UtcNow.AddDays(-1));
        return path;
    }
}
