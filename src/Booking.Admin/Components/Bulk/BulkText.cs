using System.Globalization;
using Booking.Domain.Bulk;

namespace Booking.Admin.Components.Bulk;

/// <summary>A selection in a line, the same in both languages: dates, hours at the clinic, and the service's code.</summary>
public static class BulkText
{
    public static string Selection(BulkSelection selection)
    {
        var dates = selection.From == selection.Until ? Date(selection.From) : $"{Date(selection.From)} – {Date(selection.Until)}";
        var hours = selection.FromTime is { } from && selection.UntilTime is { } until
            ? $", {from.ToString("HH:mm", CultureInfo.InvariantCulture)}–{until.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : "";
        return $"{dates}{hours}{(selection.ServiceCode is { } service ? ", " + service : "")}";
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
