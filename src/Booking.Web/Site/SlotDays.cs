using Booking.Web.Availability;

namespace Booking.Web.Site;

/// <summary>One day of a clinic's free slots, as the clinic's calendar sees it.</summary>
public sealed record SlotDay(DateOnly Date, IReadOnlyList<SlotResponse> Slots);

public static class SlotDays
{
    /// <summary>Groups slots by the clinic's local date. Slots carry the clinic's UTC offset (see
    /// <see cref="Booking.Domain.Catalog.Location.LocalTime"/>), so their own date is the clinic's date, whatever the
    /// server's or the visitor's time zone.</summary>
    public static IReadOnlyList<SlotDay> Group(IEnumerable<SlotResponse> slots) =>
        slots.OrderBy(s => s.Start)
            .GroupBy(s => DateOnly.FromDateTime(s.Start.DateTime))
            .Select(g => new SlotDay(g.Key, g.ToList()))
            .ToList();
}
