namespace Booking.Staff.Offer;

/// <summary>The time zones a clinic may be in: Québec's two and the rest of Canada's, by their IANA names.</summary>
public static class LocationTimeZones
{
    public const string Default = "America/Montreal";

    public static IReadOnlyList<string> All { get; } =
    [
        "America/Montreal", "America/Blanc-Sablon", "America/Toronto", "America/Halifax", "America/Moncton", "America/St_Johns",
        "America/Winnipeg", "America/Regina", "America/Edmonton", "America/Vancouver", "America/Whitehorse", "America/Iqaluit",
    ];
}
