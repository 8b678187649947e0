using System.Globalization;
using System.Security.Cryptography;

namespace Booking.Grains.Inventory;

/// <summary>A hold's public id carries the clinic-day it belongs to, so any web host can route a confirmation
/// to the right grain without a look-up. The random part makes it unguessable.</summary>
public static class HoldId
{
    public static string New(LocationDayKey day) =>
        $"{day.LocationId:N}.{day.Date:yyyyMMdd}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    public static bool TryParse(string? holdId, out LocationDayKey day)
    {
        day = default;
        var parts = holdId?.Split('.');
        if (parts is not [var location, var date, var random] || random.Length != 24 || !random.All(char.IsAsciiHexDigitLower))
            return false;
        if (!Guid.TryParseExact(location, "N", out var locationId)
            || !DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        day = new LocationDayKey(locationId, parsed);
        return true;
    }
}
