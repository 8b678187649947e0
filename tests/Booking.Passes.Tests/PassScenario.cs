using Booking.Passes;
using Booking.Passes.Keys;
using Booking.Testing;

namespace Booking.Passes.Tests;

/// <summary>A key file on disk, a clock, and the issuer and verifier built from them as the hosts build them.</summary>
internal sealed class PassScenario : IDisposable
{
    public static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    public string KeyFile { get; } = Path.Combine(Path.GetTempPath(), $"booking-pass-keys-{Guid.NewGuid():N}.json");

    public PassScenario()
    {
        File.WriteAllText(KeyFile, "{}");
        SigningKeyFile.AddFirstKeyIfMissing(KeyFile, Clock.Now);
    }

    public SigningKeyRing Ring => SigningKeyFile.Load(KeyFile);

    public AppointmentPassIssuer Issuer() => new(Ring, Clock);

    public AppointmentPassVerifier Verifier() => new(new PublishedKeys(Ring, Clock), Clock);

    public static AppointmentPassClaims Claims(DateTimeOffset slotStart) => AppointmentPassClaims.ForAppointment(
        Guid.Parse("6f1c8a52-0d5e-4a53-9a1e-1b7d2c3e4f50"), "K7QF-3M9T", Guid.Parse("10000000-0000-4000-8000-000000000002"), "FLU",
        slotStart, Montreal);

    public void Dispose() => File.Delete(KeyFile);
}
