namespace Booking.Web.Site;

/// <summary>The postal code a citizen searched with, as it travels with the held seats from the search through screening
/// to the booking form (<c>postalCode</c>), which offers it pre-filled: the site keeps no session.</summary>
public static class SearchedPostalCode
{
    /// <summary>What to append to a step's query ("" when none was searched with).</summary>
    public static string QueryOf(string? postalCode) =>
        string.IsNullOrWhiteSpace(postalCode) ? "" : $"&postalCode={Uri.EscapeDataString(postalCode.Trim())}";
}
