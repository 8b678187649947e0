using System.Globalization;

namespace Booking.Web.Site;

public static class QueryNumber
{
    /// <summary>A whole number from the query string. Anything else becomes -1, which every range check refuses, so
    /// "abc" gets the same clear "between 1 and …" message as "0" instead of an error page.</summary>
    public static int? Read(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : -1;
}
