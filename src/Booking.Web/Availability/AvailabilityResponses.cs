using Booking.Domain.Catalog;

namespace Booking.Web.Availability;

// What an availability search answers: the search page renders these and the API returns them as they are.

// A class, not a struct: System.Text.Json boxes each struct of a list it writes, which costs more than the objects.
public sealed record SlotResponse(DateTimeOffset Start, DateTimeOffset End, int Remaining);

/// <summary>What a clinic tells citizens about getting there (access, parking), as its staff wrote it: plain text, in
/// French and in English; null where it wrote none.</summary>
public sealed record ClinicNotesResponse(string? Fr, string? En)
{
    public static ClinicNotesResponse? Of(Location location) =>
        string.IsNullOrWhiteSpace(location.NotesFr) && string.IsNullOrWhiteSpace(location.NotesEn) ? null
            : new(NullIfBlank(location.NotesFr), NullIfBlank(location.NotesEn));

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record LocationAvailabilityResponse(Guid LocationId, string Name, string Address, string City, double DistanceKm,
    string TimeZone, IReadOnlyList<SlotResponse> Slots, ClinicNotesResponse? Notes);

public sealed record AvailabilityResponse(string Service, string PostalCode, DateOnly From, int Days, IReadOnlyList<LocationAvailabilityResponse> Locations);
