using Booking.Domain.Scheduling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Booking.Domain.Tests;

public class SlotGeneratorProperties
{
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    private sealed record Case(DateOnly Date, List<WeeklyOpening> Template, List<ScheduleException> Exceptions);

    // Dates across three years (so every DST change is covered), windows anywhere in the day, some exceptions.
    private static Arbitrary<Case> Cases()
    {
        var date = Gen.Choose(0, 365 * 3).Select(d => new DateOnly(2026, 1, 1).AddDays(d));
        var window = from opens in Gen.Choose(0, 23 * 4)
                     from length in Gen.Choose(1, 24 * 4 - opens)
                     from minutes in Gen.Elements(5, 10, 15, 20, 30, 45, 60)
                     from capacity in Gen.Choose(1, 20)
                     select (Opens: new TimeOnly(0, 0).AddMinutes(opens * 15), Closes: new TimeOnly(0, 0).AddMinutes(Math.Min(opens * 15 + length * 15, 24 * 60 - 1)), minutes, capacity);
        return (from d in date
                from count in Gen.Choose(1, 3)
                from windows in window.ListOf(count)
                from service in Gen.Elements("FLU", "COVID19")
                from exceptionKind in Gen.Elements<ScheduleExceptionKind?>(null, ScheduleExceptionKind.Closed, ScheduleExceptionKind.Capacity, ScheduleExceptionKind.ExtraHours)
                from extra in window
                select new Case(d,
                    windows.Select(w => new WeeklyOpening(service, d.DayOfWeek, w.Opens, w.Closes, w.minutes, w.capacity, d, null)).ToList(),
                    exceptionKind is null ? [] : [new ScheduleException(service, d, exceptionKind.Value, extra.Opens, extra.Closes, extra.minutes, extra.capacity)]))
            .ToArbitrary();
    }

    [Property(MaxTest = 500)]
    public Property Slots_of_a_service_never_overlap_start_on_their_date_and_have_seats() =>
        Prop.ForAll(Cases(), c =>
        {
            var slots = SlotGenerator.SlotsOn(new LocationSchedule(Montreal, c.Template, c.Exceptions), c.Date);
            var ordered = slots.OrderBy(s => s.Start).ToList();
            var noOverlap = ordered.Zip(ordered.Skip(1)).All(p => p.First.End <= p.Second.Start);
            var onTheDate = slots.All(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, Montreal).DateTime) == c.Date);
            var seats = slots.All(s => s.Capacity >= 1 && s.End > s.Start);
            return noOverlap && onTheDate && seats;
        });

    [Property(MaxTest = 200)]
    public Property A_closure_leaves_only_extra_hours() =>
        Prop.ForAll(Cases(), c =>
        {
            var closed = c.Exceptions.Append(new ScheduleException(null, c.Date, ScheduleExceptionKind.Closed)).ToList();
            var slots = SlotGenerator.SlotsOn(new LocationSchedule(Montreal, c.Template, closed), c.Date);
            var extras = c.Exceptions.Where(e => e.Kind == ScheduleExceptionKind.ExtraHours).ToList();
            return extras.Count > 0 || slots.Count == 0;
        });
}
