using System.Globalization;

namespace Booking.Grains.Inventory;

/// <summary>The key of a clinic-day inventory grain: one grain serialises every hold, confirmation and
/// cancellation of one clinic on one local date.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.Key")]
public readonly record struct LocationDayKey(Guid LocationId, DateOnly Date)
{
    private const string DateFormat = "yyyy-MM-dd";

    public override string ToString() => $"{LocationId:N}/{Date.ToString(DateFormat, CultureInfo.InvariantCulture)}";

    public static LocationDayKey Parse(string key)
    {
        var parts = key.Split('/');
        return new LocationDayKey(Guid.ParseExact(parts[0], "N"), DateOnly.ParseExact(parts[1], DateFormat, CultureInfo.InvariantCulture));
    }
}
