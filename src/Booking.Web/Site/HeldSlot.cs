using System.Globalization;
using Booking.Grains.Inventory;

namespace Booking.Web.Site;

/// <summary>A hold as it travels from page to page in the URL (<c>hold</c>, <c>start</c>, <c>until</c>): the site keeps
/// no session. Only the hold id matters to the server; start and expiry are for display, and a tampered one only
/// misinforms its own author (the grain decides whether the hold is still good).</summary>
public sealed record HeldSlot(string HoldId, LocationDayKey Day, string ServiceCode, DateTimeOffset Start, DateTimeOffset ExpiresAt)
{
    public static HeldSlot? TryRead(string? hold, string? start, string? until)
    {
        if (!Grains.Inventory.HoldId.TryParse(hold, out var day, out var service)
            || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startsAt)
            || !long.TryParse(until, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs) || expiresMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            return null;
        return new HeldSlot(hold!, day, service, startsAt, DateTimeOffset.FromUnixTimeMilliseconds(expiresMs));
    }

    public string Query => QueryOf(HoldId, Start, ExpiresAt);

    public static string QueryOf(string holdId, DateTimeOffset start, DateTimeOffset expiresAt) =>
        $"hold={holdId}&start={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}&until={expiresAt.ToUnixTimeMilliseconds()}";
}
