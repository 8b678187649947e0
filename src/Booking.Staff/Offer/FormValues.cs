using System.Globalization;

namespace Booking.Staff.Offer;

/// <summary>Reads the values of a form as typed (dates, times, whole numbers), each problem added to the form's errors.</summary>
public static class FormValues
{
    public static DateOnly? Date(string? text, string field, FormErrors errors, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add(field, "Offer.Required");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(field, "Offer.DateInvalid");
        return null;
    }

    public static TimeOnly? Time(string? text, string field, FormErrors errors)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        errors.Add(field, string.IsNullOrWhiteSpace(text) ? "Offer.Required" : "Offer.TimeInvalid");
        return null;
    }

    public static int? Number(string? text, string field, int min, int max, FormErrors errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            return number;
        errors.Add(field, "Offer.NumberOutOfRange", min, max);
        return null;
    }

    public static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Text(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";
}
