namespace Booking.Domain.Bookings;

/// <summary>How a booking was made (<c>bookings.channel</c>), for the ministry's extracts.</summary>
public static class BookingChannel
{
    /// <summary>The booking site or the public API.</summary>
    public const string Web = "web";

    /// <summary>A contact-centre agent, on a caller's behalf.</summary>
    public const string Agent = "agent";

    /// <summary>The clinic's front desk, for someone who came without an appointment.</summary>
    public const string WalkIn = "walk-in";

    public static bool IsKnown(string channel) => channel is Web or Agent or WalkIn;
}
