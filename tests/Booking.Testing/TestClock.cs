using System.Globalization;
using Booking.ServiceDefaults.Time;

namespace Booking.Testing;

/// <summary>
/// The instant the suite runs at. The test command sets <see cref="OffsetVariable"/> when asked to run at a chosen
/// instant (BOOKING_TEST_NOW) and starts PostgreSQL under the same shift; every host a test starts gets it as
/// <see cref="PlatformClock.OffsetKey"/>, so the platform, the database and the tests agree on "now".
/// </summary>
public static class TestClock
{
    public const string OffsetVariable = "BOOKING_TEST_CLOCK_OFFSET_SECONDS";

    public static TimeSpan Offset { get; } = TimeSpan.FromSeconds(
        long.Parse(Environment.GetEnvironmentVariable(OffsetVariable) ?? "0", CultureInfo.InvariantCulture));

    public static TimeProvider Provider { get; } = Offset == TimeSpan.Zero ? TimeProvider.System : new ShiftedTimeProvider(Offset);

    public static DateTimeOffset Now => Provider.GetUtcNow();

    /// <summary>The host setting that puts a host on this clock.</summary>
    public static KeyValuePair<string, string?> HostSetting => new(PlatformClock.OffsetKey, Offset.ToString("c", CultureInfo.InvariantCulture));
}
