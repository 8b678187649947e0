using Booking.Domain.Scheduling;

namespace Booking.Data.Catalog;

/// <summary>How <c>schedule_exceptions.kind</c> spells each kind of exception.</summary>
public static class ScheduleExceptionKinds
{
    public static ScheduleExceptionKind Parse(string kind) => kind switch
    {
        "closed" => ScheduleExceptionKind.Closed,
        "extra_hours" => ScheduleExceptionKind.ExtraHours,
        "capacity" => ScheduleExceptionKind.Capacity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown schedule exception kind."),
    };

    public static string Name(ScheduleExceptionKind kind) => kind switch
    {
        ScheduleExceptionKind.Closed => "closed",
        ScheduleExceptionKind.ExtraHours => "extra_hours",
        ScheduleExceptionKind.Capacity => "capacity",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown schedule exception kind."),
    };
}
