using Booking.Domain.Catalog;

namespace Booking.Web.Site;

/// <summary>
/// The search page opened on one clinic, service and day, with the day's times to pick from: where the availability
/// feed sends a citizen to book a slot. Slot finders append <c>source</c> and <c>booking-referral</c> (SMART Scheduling
/// Links); the page ignores what it does not know, keeps them in its own links, and counts holds by source
/// (<see cref="FeedReferrals"/>). No fragment: finders append their parameters to the end of the address.
/// </summary>
public static class BookingDeepLink
{
    public const string SourceParameter = "source";

    public static Uri For(Uri siteBase, Location location, string serviceCode, DateOnly day)
    {
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new Uri(siteBase, $"search?service={Uri.EscapeDataString(serviceCode)}&postalCode={Uri.EscapeDataString(location.PostalCode)}" +
            $"&location={location.Id}&from={date}&days=1&day={date}");
    }
}
