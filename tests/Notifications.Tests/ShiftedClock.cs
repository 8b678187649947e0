namespace Booking.Notifications.Tests;

/// <summary>The system clock moved forward by a settable amount, so a reminder due tomorrow can be due now.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
