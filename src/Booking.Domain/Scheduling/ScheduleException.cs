namespace Booking.Domain.Scheduling;

public enum ScheduleExceptionKind { Closed, ExtraHours, Capacity }

/// <summary>A change to the weekly template on one date. A null <see cref="ServiceCode"/> applies to every
/// service of the clinic. Closed removes the template's hours: all day, or only the slots overlapping
/// <see cref="Opens"/>–<see cref="Closes"/> when given; ExtraHours adds a window (replacing any template slot it
/// overlaps); Capacity changes the seats of the template's slots that day.</summary>
public sealed record ScheduleException(
    string? ServiceCode,
    DateOnly Date,
    ScheduleExceptionKind Kind,
    TimeOnly? Opens = null,
    TimeOnly? Closes = null,
    int? SlotMinutes = null,
    int? Capacity = null)
{
    public bool AppliesTo(string serviceCode, DateOnly date) =>
        Date == date && (ServiceCode is null || ServiceCode == serviceCode);
}
