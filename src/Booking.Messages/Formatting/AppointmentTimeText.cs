using System.Globalization;

namespace Booking.Messages.Formatting;

/// <summary>Dates and times as a citizen reads them, in the clinic's own time zone: "mardi 24 novembre 2026 à 9 h 30"
/// (Québec French writes hours with "h") or "Tuesday, November 24, 2026 at 9:30 AM".</summary>
public static class AppointmentTimeText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Date(DateTimeOffset instant, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return language == "en" ? local.ToString("dddd, MMMM d, yyyy", English) : local.ToString("dddd d MMMM yyyy", French);
    }

    public static string Time(DateTimeOffset instant, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        if (language == "en")
            return local.ToString("h:mm tt", English);
        return local.Minute == 0 ? $"{local.Hour} h" : $"{local.Hour} h {local.Minute:00}";
    }

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone, string language) =>
        $"{Date(instant, zone, language)} {(language == "en" ? "at" : "à")} {Time(instant, zone, language)}";

    /// <summary>For reminders: "in 2 hours" when it is today and close, "today"/"tomorrow" with the time, else the full date.</summary>
    public static string Relative(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone, string language)
    {
        var days = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime).DayNumber
                   - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).DayNumber;
        var until = instant - now;
        var time = Time(instant, zone, language);
        var english = language == "en";
        return days switch
        {
            0 when until > TimeSpan.Zero && until <= TimeSpan.FromHours(3) => RoundedHours(until) is var hours && hours <= 1
                ? (english ? $"in 1 hour, at {time}" : $"dans 1 heure, à {time}")
                : (english ? $"in {hours} hours, at {time}" : $"dans {hours} heures, à {time}"),
            0 => english ? $"today at {time}" : $"aujourd'hui à {time}",
            1 => english ? $"tomorrow at {time}" : $"demain à {time}",
            _ => english ? $"on {DateTime(instant, zone, language)}" : $"le {DateTime(instant, zone, language)}",
        };
    }

    private static int RoundedHours(TimeSpan span) => (int)Math.Round(span.TotalHours, MidpointRounding.AwayFromZero);
}
