namespace Booking.Domain.Catalog;

/// <summary>A clinic of a tenant organisation. Dates and opening hours are in its own time zone.</summary>
public sealed record Location(
    Guid Id,
    Guid TenantId,
    string Name,
    string Address,
    string City,
    string PostalCode,
    GeoPoint Position,
    string TimeZoneId)
{
    /// <summary>Whether the clinic takes new bookings and is shown to citizens; a closed one keeps its bookings.</summary>
    public bool IsOpen { get; init; } = true;

    /// <summary>What citizens are told about getting there (access, parking), as the clinic wrote it, in French.</summary>
    public string NotesFr { get; init; } = "";

    /// <summary>The same in English.</summary>
    public string NotesEn { get; init; } = "";

    /// <summary>The public notes in a language, else in the other one (a note in French beats none), else empty.</summary>
    public string Notes(string language)
    {
        var (wanted, other) = language == "en" ? (NotesEn, NotesFr) : (NotesFr, NotesEn);
        return (string.IsNullOrWhiteSpace(wanted) ? other : wanted).Trim();
    }

    // Resolved once: every slot shown converts through it, and the system look-up takes a process-wide lock.
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The clinic's own date for an instant: which clinic-day a slot belongs to.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => QuebecTime.DateOf(TimeZone, instant);

    /// <summary>An instant shown with the clinic's own UTC offset, so "09:00" reads as 09:00 where the clinic is.</summary>
    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The instants between which a local date runs at this clinic (23 or 25 hours on DST days).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly date) =>
        (TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), TimeZone),
         TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone));
}
