using Booking.Data.Offer;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Scheduling;

namespace Booking.Staff.Offer;

/// <summary>
/// A clinic's schedule before and after an edit, laid out by the slot engine the clinic-days use: which days change,
/// from yesterday (clinic-days still awake) to the end of the booking horizon, and their slots either way.
/// </summary>
public sealed class SchedulePlan
{
    private readonly LocationSchedule _before;
    private readonly LocationSchedule _after;
    private readonly HashSet<DateOnly> _changed;

    public SchedulePlan(Location location, OfferSchedule before, OfferSchedule after, DateOnly today)
    {
        Location = location;
        _before = before.For(location.TimeZone);
        _after = after.For(location.TimeZone);
        Days = ScheduleDifference.ChangedDays(_before, _after, today.AddDays(-1), today.AddDays(BookingHorizon.Days + 1));
        _changed = Days.ToHashSet();
    }

    public Location Location { get; }

    /// <summary>The days whose slots the edit changes, in order.</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    public bool Changes(DateOnly date) => _changed.Contains(date);

    public IReadOnlyList<Slot> Before(DateOnly date) => SlotGenerator.SlotsOn(_before, date);

    public IReadOnlyList<Slot> After(DateOnly date) => SlotGenerator.SlotsOn(_after, date);

    /// <summary>The services a day offers before or after the edit: whose availability it must publish again.</summary>
    public IEnumerable<string> ServicesOn(DateOnly date) => Before(date).Concat(After(date)).Select(s => s.ServiceCode).Distinct();

    /// <summary>The instants between which the changed days run, to read their bookings in one query.</summary>
    public (DateTimeOffset From, DateTimeOffset Until) Span => (Location.DayBounds(Days[0]).Start, Location.DayBounds(Days[^1]).End);
}
