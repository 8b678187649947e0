using System.Globalization;

namespace Booking.Admin.Tests.Offer;

/// <summary>The schedule forms' fields as a browser posts them.</summary>
public static class ScheduleForms
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A dated change: <paramref name="kind"/> is closed, closed-hours, extra-hours or capacity.</summary>
    public static Dictionary<string, string> Exception(string kind, DateOnly from, string service = "", string opens = "", string closes = "",
        string slotMinutes = "", string capacity = "", DateOnly? until = null, string action = "save") => new()
        {
            ["Input.Kind"] = kind, ["Input.ServiceCode"] = service, ["Input.From"] = Day(from), ["Input.Until"] = until is { } u ? Day(u) : "",
            ["Input.Opens"] = opens, ["Input.Closes"] = closes, ["Input.SlotMinutes"] = slotMinutes, ["Input.Capacity"] = capacity, ["Action"] = action,
        };

    /// <summary>A weekly template open on the given weekdays (0 = Monday … 6 = Sunday) with the same hours.</summary>
    public static Dictionary<string, string> Template(string service, DateOnly from, string opens, string closes, int slotMinutes, int capacity,
        IEnumerable<int> weekdays, DateOnly? until = null, string action = "save")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.ServiceCode"] = service, ["Input.ValidFrom"] = Day(from), ["Input.ValidUntil"] = until is { } u ? Day(u) : "",
            ["Input.SlotMinutes"] = slotMinutes.ToString(CultureInfo.InvariantCulture), ["Input.Capacity"] = capacity.ToString(CultureInfo.InvariantCulture), ["Action"] = action,
        };
        var open = weekdays.ToHashSet();
        for (var day = 0; day < 7; day++)
        {
            fields[$"Input.Days[{day}].Opens"] = open.Contains(day) ? opens : "";
            fields[$"Input.Days[{day}].Closes"] = open.Contains(day) ? closes : "";
            fields[$"Input.Days[{day}].Opens2"] = "";
            fields[$"Input.Days[{day}].Closes2"] = "";
        }
        return fields;
    }

    /// <summary>The form's index of a date's weekday (Monday first).</summary>
    public static int WeekdayIndex(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;
}
