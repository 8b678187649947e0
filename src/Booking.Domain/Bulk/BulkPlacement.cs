namespace Booking.Domain.Bulk;

/// <summary>A booking to place: its service and its start at the clinic's time (the time of day it keeps if it can);
/// with <see cref="Before"/>, only a slot starting earlier will do (an offer of an earlier appointment).</summary>
public sealed record BookingToPlace(Guid BookingId, string ServiceCode, DateTime LocalStart, DateTimeOffset? Before = null);

/// <summary>Free seats of one service at one clinic on one date, in the order a move prefers them (<see cref="BulkPlacement"/>).</summary>
public sealed record CandidateDay(Guid LocationId, DateOnly Date, string ServiceCode, IReadOnlyList<CandidateSlot> Slots);

/// <summary>A slot's start (the instant, and the clinic's time of day) and how many seats it has free.</summary>
public sealed record CandidateSlot(DateTimeOffset Start, TimeOnly LocalTime, int Free);

public sealed record Placement(Guid BookingId, Guid LocationId, DateOnly Date, DateTimeOffset Start);

/// <summary>
/// Where the bookings of a bulk move go: through the candidate days in the order given (the same clinic's days first,
/// then the nearest clinics'), each booking takes the free slot of the first day with room for its service whose time
/// of day is closest to its own. Pure: the free seats are a snapshot, and the clinic-day grains decide for real (a
/// seat a citizen took meanwhile sends the booking round again). Never places more bookings in a slot than it has free.
/// </summary>
public sealed class BulkPlacement
{
    private readonly List<DayBook> _days;

    public BulkPlacement(IEnumerable<CandidateDay> days) =>
        _days = days.Select(d => new DayBook(d, d.Slots.Select(s => Math.Max(0, s.Free)).ToArray())).ToList();

    /// <summary>The places found, in the order of <paramref name="bookings"/>; a booking with none is left out.</summary>
    public IReadOnlyList<Placement> Place(IEnumerable<BookingToPlace> bookings)
    {
        var placed = new List<Placement>();
        foreach (var booking in bookings)
            if (TryPlace(booking) is { } placement)
                placed.Add(placement);
        return placed;
    }

    private Placement? TryPlace(BookingToPlace booking)
    {
        var time = TimeOnly.FromDateTime(booking.LocalStart);
        foreach (var book in _days)
        {
            var (day, free) = (book.Day, book.Free);
            if (book.Left == 0 || day.ServiceCode != booking.ServiceCode)
                continue;
            var best = -1;
            for (var i = 0; i < free.Length; i++)
                if (free[i] > 0 && (booking.Before is not { } before || day.Slots[i].Start < before) && (best < 0 || Distance(day.Slots[i].LocalTime, time) < Distance(day.Slots[best].LocalTime, time)))
                    best = i;
            if (best < 0)
                continue;
            free[best]--;
            book.Left--;
            return new Placement(booking.BookingId, day.LocationId, day.Date, day.Slots[best].Start);
        }
        return null;
    }

    /// <summary>A day's free seats as they are handed out; <see cref="Left"/> lets a full day be passed over at once.</summary>
    private sealed class DayBook(CandidateDay day, int[] free)
    {
        public CandidateDay Day { get; } = day;
        public int[] Free { get; } = free;
        public int Left { get; set; } = free.Sum();
    }

    private static long Distance(TimeOnly a, TimeOnly b) => Math.Abs(a.Ticks - b.Ticks);
}
