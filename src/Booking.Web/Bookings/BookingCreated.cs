using Booking.Data.Protection;
using Booking.Domain.Catalog;
using Booking.Grains.Inventory;

namespace Booking.Web.Bookings;

public static class BookingCreated
{
    /// <summary>What the citizen is told once the booking is durable: its code and manage token, at the clinic's time.</summary>
    public static BookingCreatedResponse Response(BookingConfirmation booking, Location location, ManageTokens tokens) =>
        new(booking.ConfirmationCode, tokens.For(booking.ConfirmationCode), booking.LocationId, booking.ServiceCode,
            location.LocalTime(booking.Start), location.LocalTime(booking.End), "confirmed");
}
