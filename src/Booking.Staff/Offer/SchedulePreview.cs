using System.Security.Claims;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Domain.Catalog;
using Booking.Staff.Access;

namespace Booking.Staff.Offer;

/// <summary>One slot of a previewed day: its seats before and after the change (null: no such slot then) and how many
/// are booked now.</summary>
public sealed record PreviewSlot(string ServiceCode, DateTimeOffset Start, DateTimeOffset End, int? CapacityBefore, int? CapacityAfter, int Booked)
{
    /// <summary>The change would leave some of its bookings without a seat (the save will refuse it).</summary>
    public bool Strands => Booked > (CapacityAfter ?? 0) && (CapacityAfter ?? 0) < (CapacityBefore ?? 0);
}

public sealed record PreviewDay(DateOnly Date, IReadOnlyList<PreviewSlot> Slots);

/// <summary>The first changed days, and how many days the change touches in all.</summary>
public sealed record ScheduleChangePreview(Location Location, IReadOnlyList<PreviewDay> Days, int ChangedDays);

/// <summary>What a schedule change would do, day by day, before it is saved: the slots the slot engine lays out with it
/// and without it, against what is booked. Nothing is written or held.</summary>
public sealed class SchedulePreview(StaffAccess access, CatalogRepository catalog, ScheduleRepository schedules, BookingRepository bookings,
    TimeProvider clock)
{
    public const int MaxDays = 7;

    /// <returns>Null when the clinic is not one this person may manage.</returns>
    public async Task<ScheduleChangePreview?> PreviewAsync(ClaimsPrincipal user, Guid locationId, ScheduleEdit edit, CancellationToken cancellationToken = default)
    {
        if (!await access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfLocation(locationId), cancellationToken) || await catalog.LocationAsync(locationId, cancellationToken) is not { } location)
            return null;
        var today = location.DateOf(clock.GetUtcNow());
        var before = await schedules.ReadAsync(locationId, today.AddDays(-1), cancellationToken);
        var plan = new SchedulePlan(location, before, edit.ApplyTo(before), today);
        var shown = plan.Days.Where(day => day >= today).Take(MaxDays).ToList();
        if (shown.Count == 0)
            return new ScheduleChangePreview(location, [], 0);
        var booked = (await bookings.SeatsAsync(locationId, location.DayBounds(shown[0]).Start, location.DayBounds(shown[^1]).End, cancellationToken))
            .GroupBy(seat => seat.Slot.Normalised())
            .ToDictionary(slot => slot.Key, slot => slot.Count());
        return new ScheduleChangePreview(location, shown.Select(day => Day(plan, day, booked)).ToList(), plan.Days.Count(day => day >= today));
    }

    private static PreviewDay Day(SchedulePlan plan, DateOnly date, IReadOnlyDictionary<Domain.Scheduling.SlotKey, int> booked)
    {
        var before = plan.Before(date).ToDictionary(s => s.Key.Normalised());
        var after = plan.After(date).ToDictionary(s => s.Key.Normalised());
        var slots = before.Keys.Union(after.Keys)
            .Select(key => (Key: key, Slot: after.GetValueOrDefault(key) ?? before[key]))
            .OrderBy(s => s.Key.Start).ThenBy(s => s.Key.ServiceCode, StringComparer.Ordinal)
            .Select(s => new PreviewSlot(s.Key.ServiceCode, s.Slot.Start, s.Slot.End, before.GetValueOrDefault(s.Key)?.Capacity,
                after.GetValueOrDefault(s.Key)?.Capacity, booked.GetValueOrDefault(s.Key)))
            .ToList();
        return new PreviewDay(date, slots);
    }
}
