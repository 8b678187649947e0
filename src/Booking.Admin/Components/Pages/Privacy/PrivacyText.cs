using System.Globalization;
using Booking.Domain.Catalog;

namespace Booking.Admin.Components.Pages.Privacy;

/// <summary>Dates of the privacy queue, in Québec's time like the rest of the platform's days.</summary>
public static class PrivacyText
{
    public static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, QuebecTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, QuebecTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
