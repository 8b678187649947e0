using Booking.Messages.Formatting;

namespace Booking.Messages.Replies;

/// <summary>What the platform answers to a citizen's SMS reply, in French or English (both when the language is not
/// known). Short, and without any name: only the appointment's time, clinic and code.</summary>
public static class SmsReplyText
{
    public static string AskConfirm(string language, DateTimeOffset start, string zone, string location) => language == "en"
        ? $"Cancel your appointment of {When(start, zone, language)} at {location}? Reply YES to confirm, NO to keep it."
        : $"Annuler votre RDV du {When(start, zone, language)} a {location}? Repondez OUI pour confirmer, NON pour le garder.";

    public static string AskWhich(string language, IReadOnlyList<(DateTimeOffset Start, string Zone, string Location)> appointments)
    {
        var lines = appointments.Select((a, i) => $"{i + 1}: {When(a.Start, a.Zone, language)}, {a.Location}");
        return language == "en"
            ? $"Which appointment do you want to cancel? Reply with its number. {string.Join("; ", lines)}"
            : $"Quel RDV voulez-vous annuler? Repondez par son numero. {string.Join("; ", lines)}";
    }

    public static string Cancelled(string language, string code) => language == "en"
        ? $"Your appointment {code} is cancelled. Your place is freed for someone else. Thank you."
        : $"Votre RDV {code} est annule. Votre place est liberee pour quelqu'un d'autre. Merci.";

    public static string Kept(string language) => language == "en"
        ? "Nothing changed: your appointment is kept."
        : "Rien n'a change: votre RDV est maintenu.";

    public static string CannotCancel(string language) => language == "en"
        ? "This appointment can no longer be cancelled by SMS. Use the link in your reminder."
        : "Ce RDV ne peut plus etre annule par SMS. Utilisez le lien de votre rappel.";

    public static string NoAppointment(string? language) => Either(language,
        "Aucun RDV a venir n'est associe a ce numero. Utilisez le lien recu par courriel ou SMS.",
        "No upcoming appointment is linked to this number. Use the link you received by e-mail or SMS.");

    public static string Help(string? language) => Either(language,
        "Reponse non comprise. Pour annuler votre RDV, repondez ANNULER.",
        "Reply not understood. To cancel your appointment, reply CANCEL.");

    public static string HelpConfirm(string language) => language == "en"
        ? "Reply YES to cancel your appointment, or NO to keep it."
        : "Repondez OUI pour annuler votre RDV, ou NON pour le garder.";

    public static string HelpChoose(string language, int count) => language == "en"
        ? $"Reply with a number from 1 to {count}, or NO to keep your appointments."
        : $"Repondez par un numero de 1 a {count}, ou NON pour garder vos RDV.";

    private static string Either(string? language, string french, string english) => language switch
    {
        "fr" => french,
        "en" => english,
        _ => $"{french} / {english}",
    };

    private static string When(DateTimeOffset start, string zone, string language) =>
        AppointmentTimeText.DateTime(start, TimeZoneInfo.FindSystemTimeZoneById(zone), language);
}
