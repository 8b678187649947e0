namespace Booking.Domain.Scheduling;

/// <summary>Lays out the slots of one clinic for one local date from its template and exceptions.</summary>
public static class SlotGenerator
{
    public static IReadOnlyList<Slot> SlotsOn(LocationSchedule schedule, DateOnly date)
    {
        var slots = new List<Slot>();
        foreach (var service in ServicesOn(schedule, date))
            slots.AddRange(SlotsOf(schedule, service, date));
        return slots;
    }

    private static IEnumerable<string> ServicesOn(LocationSchedule schedule, DateOnly date) =>
        schedule.Template.Where(o => o.AppliesOn(date)).Select(o => o.ServiceCode)
            .Concat(schedule.Exceptions.Where(e => e.Date == date && e.Kind == ScheduleExceptionKind.ExtraHours && e.ServiceCode is not null)
                                       .Select(e => e.ServiceCode!))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<Slot> SlotsOf(LocationSchedule schedule, string service, DateOnly date)
    {
        var exceptions = schedule.Exceptions.Where(e => e.AppliesTo(service, date)).ToList();
        var closures = exceptions.Where(e => e.Kind == ScheduleExceptionKind.Closed).ToList();
        var closedAllDay = closures.Any(e => e.Opens is null);
        var closedHours = closures.Where(e => e.Opens is not null)
            .Select(e => (Start: ToInstant(schedule.TimeZone, date.ToDateTime(e.Opens!.Value)), End: ToInstant(schedule.TimeZone, date.ToDateTime(e.Closes!.Value))))
            .ToList();
        // When several capacity changes apply (clinic-wide and service-specific), the service-specific one wins.
        var capacityOverride = exceptions.Where(e => e.Kind == ScheduleExceptionKind.Capacity)
                                         .OrderBy(e => e.ServiceCode is null ? 1 : 0)
                                         .Select(e => e.Capacity).FirstOrDefault();

        var extra = exceptions.Where(e => e.Kind == ScheduleExceptionKind.ExtraHours)
            .SelectMany(e => Cut(schedule.TimeZone, service, date, e.Opens!.Value, e.Closes!.Value, e.SlotMinutes!.Value, e.Capacity!.Value))
            .ToList();

        var regular = closedAllDay
            ? []
            : schedule.Template.Where(o => o.ServiceCode == service && o.AppliesOn(date))
                .SelectMany(o => Cut(schedule.TimeZone, service, date, o.Opens, o.Closes, o.SlotMinutes, capacityOverride ?? o.Capacity))
                .Where(slot => !closedHours.Any(closed => slot.Start < closed.End && closed.Start < slot.End));

        var byStart = new SortedDictionary<DateTimeOffset, Slot>();
        foreach (var slot in extra.Concat(regular.Where(r => !extra.Any(x => Overlaps(x, r)))))
            byStart.TryAdd(slot.Start, slot); // overlapping template lines: the first one wins
        return RemoveOverlaps(byStart.Values);
    }

    /// <summary>Cuts a wall-clock window into slots. A start that does not exist locally (the spring-forward
    /// gap) is skipped; an ambiguous one (fall-back) takes its first occurrence. Lengths are real minutes.</summary>
    private static IEnumerable<Slot> Cut(TimeZoneInfo zone, string service, DateOnly date, TimeOnly opens, TimeOnly closes, int slotMinutes, int capacity)
    {
        var length = TimeSpan.FromMinutes(slotMinutes);
        var closesAt = date.ToDateTime(closes);
        for (var local = date.ToDateTime(opens); local + length <= closesAt; local += length)
        {
            if (zone.IsInvalidTime(local))
                continue;
            var start = ToInstant(zone, local);
            yield return new Slot(service, start, start + length, capacity);
        }
    }

    private static DateTimeOffset ToInstant(TimeZoneInfo zone, DateTime local)
    {
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static bool Overlaps(Slot a, Slot b) => a.Start < b.End && b.Start < a.End;

    private static IEnumerable<Slot> RemoveOverlaps(IEnumerable<Slot> ordered)
    {
        Slot? previous = null;
        foreach (var slot in ordered)
        {
            if (previous is not null && Overlaps(previous, slot))
                continue;
            previous = slot;
            yield return slot;
        }
    }
}
