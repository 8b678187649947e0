namespace Booking.Domain.WaitingRooms;

/// <summary>
/// When a waiting visitor's page asks again. Near the front it asks every <see cref="ShortestSeconds"/>, so an admission
/// is seen within that; further back it asks once half the estimated wait has passed, and at least every
/// <c>longestSeconds</c>, so the position shown stays fresh. A visitor then asks a handful of times however long the
/// wait, and a room's polls a second grow with the logarithm of its queue instead of with its length.
/// </summary>
public static class PollInterval
{
    /// <summary>The shortest interval, and so how late a visitor at the front may see their admission.</summary>
    public const int ShortestSeconds = 3;

    public static int After(int estimatedWaitSeconds, int longestSeconds) =>
        Math.Clamp(estimatedWaitSeconds / 2, ShortestSeconds, Math.Max(ShortestSeconds, longestSeconds));
}
