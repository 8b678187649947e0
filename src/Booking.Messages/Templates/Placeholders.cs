namespace Booking.Messages.Templates;

/// <summary>The names a template may use. Nothing here can carry health information: the citizen appears by
/// first name only (besides the privacy officer's answer to them), and a template asking for anything else is refused
/// when it is loaded.</summary>
public static class Placeholders
{
    public const string CitizenFirstName = "citizen.firstName";
    public const string ServiceName = "service.name";
    public const string ServicePreparation = "service.preparation";
    public const string LocationName = "location.name";
    public const string LocationAddress = "location.address";
    /// <summary>The clinic's public notes (access, parking) in the citizen's language, or empty: best alone on its line,
    /// which is then left out when the clinic wrote none.</summary>
    public const string LocationNotes = "location.notes";
    public const string AppointmentDate = "appointment.date";
    public const string AppointmentTime = "appointment.time";
    public const string AppointmentDateTime = "appointment.dateTime";
    /// <summary>"tomorrow at 9:30 AM", "in 2 hours", or the date and time when further away.</summary>
    public const string AppointmentWhen = "appointment.when";
    public const string PreviousDateTime = "previous.dateTime";
    public const string PreviousLocationName = "previous.location.name";
    public const string ConfirmationCode = "booking.code";
    public const string ManageLink = "manage.link";
    /// <summary>An earlier-appointment offer: the seat held, where, until when, and the signed link that takes it.</summary>
    public const string OfferDateTime = "offer.dateTime";
    public const string OfferLocationName = "offer.location.name";
    public const string OfferExpires = "offer.expires";
    public const string OfferLink = "offer.link";
    /// <summary>What the person in charge of personal information answered to the citizen's correction request:
    /// written for them, so it may repeat their details, and only in the message that answers them.</summary>
    public const string PrivacyAnswer = "privacy.answer";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        CitizenFirstName, ServiceName, ServicePreparation, LocationName, LocationAddress, LocationNotes, AppointmentDate, AppointmentTime,
        AppointmentDateTime, AppointmentWhen, PreviousDateTime, PreviousLocationName, ConfirmationCode, ManageLink,
        OfferDateTime, OfferLocationName, OfferExpires, OfferLink, PrivacyAnswer,
    };
}
