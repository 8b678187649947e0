namespace Booking.Domain.Scheduling;

/// <summary>One line of a clinic's schedule template: a service offered on a weekday between two
/// wall-clock times, cut into slots, each with <see cref="Capacity"/> parallel seats (booths, staff).</summary>
public sealed record WeeklyOpening(
    string ServiceCode,
    DayOfWeek Day,
    TimeOnly Opens,
    TimeOnly Closes,
    int SlotMinutes,
    int Capacity,
    DateOnly ValidFrom,
    DateOnly? ValidUntil)
{
    public bool AppliesOn(DateOnly date) =>
        date.DayOfWeek == Day && date >= ValidFrom && (ValidUntil is null || date <= ValidUntil);
}
