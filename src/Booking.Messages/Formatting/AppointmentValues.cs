using Booking.Domain.Catalog;
using Booking.Messages.Reference;
using Booking.Messages.Templates;

namespace Booking.Messages.Formatting;

/// <summary>The value of every placeholder for one appointment, in the citizen's language and the clinic's time zone.</summary>
internal static class AppointmentValues
{
    public static IReadOnlyDictionary<string, string> For(AppointmentFacts facts, MessageReference reference, string manageLink, string offerLink,
        DateTimeOffset now)
    {
        var language = facts.Language;
        var location = reference.Location(facts.LocationId);
        var service = reference.Service(facts.LocationId, facts.ServiceCode);
        var zone = location.TimeZone;
        var previousLocation = facts.PreviousLocationId is { } previousId ? reference.Location(previousId) : location;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Placeholders.CitizenFirstName] = facts.CitizenFirstName,
            [Placeholders.ServiceName] = service.Service.Name(language),
            [Placeholders.ServicePreparation] = service.Preparation(language)
                ?? (language == "en" ? "your health insurance card." : "votre carte d'assurance maladie."),
            [Placeholders.LocationName] = location.Name,
            [Placeholders.LocationAddress] = Address(location),
            [Placeholders.LocationNotes] = location.Notes(language),
            [Placeholders.AppointmentDate] = AppointmentTimeText.Date(facts.SlotStart, zone, language),
            [Placeholders.AppointmentTime] = AppointmentTimeText.Time(facts.SlotStart, zone, language),
            [Placeholders.AppointmentDateTime] = AppointmentTimeText.DateTime(facts.SlotStart, zone, language),
            [Placeholders.AppointmentWhen] = AppointmentTimeText.Relative(facts.SlotStart, now, zone, language),
            [Placeholders.PreviousDateTime] = facts.PreviousSlotStart is { } previous
                ? AppointmentTimeText.DateTime(previous, previousLocation.TimeZone, language) : "",
            [Placeholders.PreviousLocationName] = previousLocation.Name,
            [Placeholders.ConfirmationCode] = facts.ConfirmationCode,
            [Placeholders.ManageLink] = manageLink,
            [Placeholders.OfferDateTime] = facts.Offer is { } offer ? AppointmentTimeText.DateTime(offer.SlotStart, reference.Location(offer.LocationId).TimeZone, language) : "",
            [Placeholders.OfferLocationName] = facts.Offer is { } at ? reference.Location(at.LocationId).Name : "",
            [Placeholders.OfferExpires] = facts.Offer is { } held ? AppointmentTimeText.DateTime(held.ExpiresAt, zone, language) : "",
            [Placeholders.OfferLink] = offerLink,
            [Placeholders.PrivacyAnswer] = facts.PrivacyAnswer ?? "",
        };
    }

    public static string Address(Location location) => $"{location.Address}, {location.City} {FormatPostalCode(location.PostalCode)}";

    private static string FormatPostalCode(string code) => code.Length == 6 ? $"{code[..3]} {code[3..]}" : code;
}
