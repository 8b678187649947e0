namespace Booking.Data.Retention;

/// <summary>A class of personal data with its own retention: how many months it is kept by default, and the floor under
/// which no tenant may set it (<c>retention_classes</c>, also enforced by the database).</summary>
public sealed record RetentionClass(string DataClass, int DefaultMonths, int FloorMonths)
{
    /// <summary>A booking's sealed citizen (name, birth date, health card, contact), its fingerprints and request
    /// fingerprint, the phone's reply targets and the notes typed with staff changes: counted from the appointment's end.</summary>
    public const string CitizenDetails = "citizen_details";

    /// <summary>A booking's sealed screening answers and priority groups: counted from the appointment's end.</summary>
    public const string Declarations = "declarations";

    /// <summary>Correction requests and privacy complaints once answered: counted from the answer.</summary>
    public const string ClosedRequests = "closed_requests";

    /// <summary>A waiting-list entry's sealed contact and fingerprint: counted from when it was left, booked, or its last
    /// wanted day.</summary>
    public const string WaitingList = "waiting_list";

    /// <summary>What a provider answered about a message (an error may quote the address or number it failed on): the
    /// events' text and a finished message's last error, counted from when it was written.</summary>
    public const string NotificationDetails = "notification_details";

    public const int MaximumMonths = 120;
}

/// <summary>The months a tenant keeps one class of data, and where that comes from: the tenant itself, an ancestor
/// (<see cref="FromTenant"/>), or the class's default (both null).</summary>
public sealed record EffectiveRetention(Guid TenantId, string DataClass, int Months, Guid? FromTenant);
