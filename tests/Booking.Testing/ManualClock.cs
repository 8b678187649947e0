namespace Booking.Testing;

/// <summary>A clock a test moves by hand, to reach an expiry or a key's retirement without waiting for it.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
