namespace Booking.Web.ApiDocument;

/// <summary>The groups the OpenAPI document sorts operations into, each with what a reader finds there.</summary>
public static class ApiTags
{
    public const string Catalogue = "Catalogue";
    public const string Availability = "Availability";
    public const string Holds = "Holds";
    public const string Bookings = "Bookings";
    public const string Privacy = "Privacy";
    public const string Passes = "Passes";
    public const string WaitingRooms = "Waiting rooms";
    public const string WaitingList = "Waiting list";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Catalogue] = "The services citizens can book, and the screening questions asked before each.",
        [Availability] = "Free slots at the clinics nearest a postal code.",
        [Holds] = "A slot kept for a citizen while they fill in the form; it expires unless confirmed.",
        [Bookings] = "Confirming held slots, and a booking reached with its manage token: view, cancel, reschedule.",
        [Privacy] = "A citizen's personal information, its correction, and privacy complaints.",
        [Passes] = "The signed appointment pass: checking one, and the public keys that sign them.",
        [WaitingRooms] = "The queue in front of a busy campaign's holds.",
        [WaitingList] = "Asking to be offered a seat that frees up; the seat offered, held for a short time, and taking it.",
    };
}
