using Booking.Data.ClinicDay;
using Booking.Domain.Catalog;

namespace Booking.Staff.ClinicDay;

/// <summary>One slot of the day with its counts: booked (live bookings), checked in, no-shows and seats still free.</summary>
public sealed record DaySlot(string ServiceCode, DateTimeOffset Start, DateTimeOffset End, int Capacity, int Booked, int CheckedIn, int NoShows)
{
    /// <summary>Never below zero: a walk-in the clinic's policy let past capacity leaves a slot full, not negative.</summary>
    public int Free => Math.Max(0, Capacity - Booked);
}

/// <summary>An appointment with the person's name and birth date, unsealed for the front desk (each one shown is logged).</summary>
/// <remarks>A person erased under the retention rule has no name or birth date left (<see cref="Erased"/>).</remarks>
public sealed record DayPerson(DayAppointment Appointment, string FirstName, string LastName, DateOnly? BirthDate)
{
    public bool Erased => BirthDate is null;
}

/// <summary>A clinic's day as the front desk sees it: every slot's counts, and the people shown (a slot's, or a search's
/// matches). <see cref="IsToday"/>: the clinic's own date now, the only day on which people are checked in.</summary>
public sealed record ClinicDayView(Location Location, DateOnly Date, bool IsToday, IReadOnlyList<DaySlot> Slots, DateTimeOffset? ShownSlot,
    IReadOnlyList<DayPerson> People, IReadOnlyDictionary<string, Service> Services)
{
    public string ServiceName(string code, string language) => Services.TryGetValue(code, out var service) ? service.Name(language) : code;
}
