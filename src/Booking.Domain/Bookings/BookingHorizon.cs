namespace Booking.Domain.Bookings;

/// <summary>How far ahead citizens may book: the clinic-days that can exist, and so those a schedule change can reach.</summary>
public static class BookingHorizon
{
    public const int Days = 365;
}
