using Booking.Domain.Catalog;
using Booking.Grains.Inventory;
using Booking.Web.Availability;

namespace Booking.Web.Bookings;

/// <summary>
/// The days a citizen can hold and book: from yesterday to the booking horizon, in Québec. A start or a hold id outside
/// them names no slot, so it is refused here without waking a clinic-day grain for that day (year 9999 has no day after
/// it, and a clinic-day needs one to know where it ends).
/// </summary>
public sealed class BookingWindow(TimeProvider clock)
{
    public bool Contains(DateOnly day)
    {
        var today = QuebecTime.Today(clock);
        return day >= today.AddDays(-1) && day <= today.AddDays(AvailabilityCriteriaReader.BookingHorizonDays + 1);
    }

    /// <summary>Compared as instants first, since near the ends of the calendar no clinic's local date exists.</summary>
    public bool Contains(DateTimeOffset start)
    {
        var now = clock.GetUtcNow();
        return start >= now.AddDays(-2) && start <= now.AddDays(AvailabilityCriteriaReader.BookingHorizonDays + 2)
            && Contains(QuebecTime.DateOf(QuebecTime.Zone, start));
    }

    /// <summary>A hold id's clinic-day and service, when it is well formed and its day is in the window.</summary>
    public bool TryReadHoldId(string? holdId, out LocationDayKey day, out string serviceCode) =>
        HoldId.TryParse(holdId, out day, out serviceCode) && Contains(day.Date);
}
