namespace Booking.Domain.Scheduling;

/// <summary>Everything needed to lay out a clinic's slots: its time zone, weekly template and exceptions.</summary>
public sealed record LocationSchedule(
    TimeZoneInfo TimeZone,
    IReadOnlyList<WeeklyOpening> Template,
    IReadOnlyList<ScheduleException> Exceptions);
