using Booking.Testing;

namespace Booking.Notifications.Tests;

/// <summary>The suite's clock moved forward by a settable amount, so a reminder due tomorrow can be due now.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => TestClock.Now + Shift;
}
