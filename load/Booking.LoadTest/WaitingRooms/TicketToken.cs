using System.Globalization;

namespace Booking.LoadTest.WaitingRooms;

/// <summary>The number a waiting-room ticket carries in clear (<c>t.room.epoch.number.signature</c>): the harness cannot
/// check the signature, and does not need to, to know a visitor's place.</summary>
public static class TicketToken
{
    public static long? Number(string? token) =>
        token?.Split('.') is ["t", _, _, var number, _] && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
