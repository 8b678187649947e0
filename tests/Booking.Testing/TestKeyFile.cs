using Booking.Data.Protection;
using Booking.Identity.Keys;
using Booking.Passes.Keys;

namespace Booking.Testing;

/// <summary>A throwaway key file, like the one the run command creates outside the database.</summary>
public static class TestKeyFile
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"booking-test-keys-{Guid.NewGuid():N}.json");
        KeyRing.Generate("test").Save(path);
        // Active from long ago, so tests that set their own clock in the past can still sign passes.
        SigningKeyFile.AddFirstKeyIfMissing(path, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        IdentityKeys.AddIfMissing(path);
        return path;
    }
}
