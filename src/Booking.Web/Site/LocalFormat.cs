using System.Globalization;
using Booking.ServiceDefaults;

namespace Booking.Web.Site;

/// <summary>Dates and times as people write them in each language (Québec French: "9 h 05"), always in the clinic's
/// own time zone: the instants given carry its offset already.</summary>
public static class LocalFormat
{
    public static string Day(DateOnly date) =>
        date.ToString(PlatformLanguages.Current == "en" ? "dddd, MMMM d" : "dddd d MMMM", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) =>
        date.ToString(PlatformLanguages.Current == "en" ? "MMMM d, yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string LongDay(DateTimeOffset instant) =>
        instant.ToString(PlatformLanguages.Current == "en" ? "dddd, MMMM d, yyyy" : "dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset instant) =>
        instant.ToString(PlatformLanguages.Current == "en" ? "h:mm tt" : "H 'h' mm", CultureInfo.CurrentCulture);

    public static string Distance(double km) => km.ToString("0.#", CultureInfo.CurrentCulture) + " km";
}
