using System.Globalization;
using System.Security.Cryptography;

namespace Booking.Grains.Inventory;

/// <summary>A hold's public id carries its clinic-day and service (<c>location.yyyyMMdd.SERVICE.random</c>), so any
/// web host can route a confirmation to the right grain and check eligibility without a look-up. The random part
/// makes it unguessable.</summary>
public static class HoldId
{
    public static string New(LocationDayKey day, string serviceCode) =>
        $"{day.LocationId:N}.{day.Date:yyyyMMdd}.{serviceCode}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    public static bool TryParse(string? holdId, out LocationDayKey day, out string serviceCode)
    {
        day = default;
        serviceCode = "";
        var parts = holdId?.Split('.');
        if (parts is not [var location, var date, var service, var random] || random.Length != 24 || !random.All(char.IsAsciiHexDigitLower)
            || service.Length is < 2 or > 32 || !service.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            return false;
        if (!Guid.TryParseExact(location, "N", out var locationId)
            || !DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        day = new LocationDayKey(locationId, parsed);
        serviceCode = service;
        return true;
    }
}
