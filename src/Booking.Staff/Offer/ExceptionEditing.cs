using Booking.Data.Offer;
using Booking.Domain.Scheduling;

namespace Booking.Staff.Offer;

/// <summary>The kinds of dated change staff choose from, as the form names them.</summary>
public static class ExceptionKinds
{
    public const string ClosedAllDay = "closed";
    public const string ClosedHours = "closed-hours";
    public const string ExtraHours = "extra-hours";
    public const string Capacity = "capacity";

    public static IReadOnlyList<string> All { get; } = [ClosedAllDay, ClosedHours, ExtraHours, Capacity];

    public static string Of(ScheduleException exception) => exception.Kind switch
    {
        ScheduleExceptionKind.Closed => exception.Opens is null ? ClosedAllDay : ClosedHours,
        ScheduleExceptionKind.ExtraHours => ExtraHours,
        _ => Capacity,
    };
}

/// <summary>A dated change's form as typed: a kind, a service (empty: every service of the clinic), a period.</summary>
public sealed class ExceptionInput
{
    public string? Kind { get; set; }
    public string? ServiceCode { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? SlotMinutes { get; set; }
    public string? Capacity { get; set; }
}

/// <summary>Turns a dated change's form into new exceptions, one per date of its period, or says what is wrong with it.</summary>
public static class ExceptionEditing
{
    /// <summary>The longest period one form may cover.</summary>
    public const int MaxDays = 92;

    public static ScheduleEdit.AddExceptions? Read(ExceptionInput input, IReadOnlyCollection<string> services, DateOnly today, FormErrors errors)
    {
        var kind = input.Kind ?? "";
        if (!ExceptionKinds.All.Contains(kind))
            errors.Add(nameof(input.Kind), "Offer.Exception.KindRequired");
        var service = string.IsNullOrEmpty(input.ServiceCode) ? null : input.ServiceCode;
        if (service is not null && !services.Contains(service))
            errors.Add(nameof(input.ServiceCode), "Offer.Template.ServiceRequired");
        else if (service is null && kind == ExceptionKinds.ExtraHours)
            errors.Add(nameof(input.ServiceCode), "Offer.Exception.ExtraHoursNeedAService");

        var from = FormValues.Date(input.From, nameof(input.From), errors);
        var until = FormValues.Date(input.Until, nameof(input.Until), errors, required: false) ?? from;
        if (from is { } first && first < today)
            errors.Add(nameof(input.From), "Offer.Exception.InThePast");
        if (from is { } start && until is { } end && (end < start || end.DayNumber - start.DayNumber >= MaxDays))
            errors.Add(nameof(input.Until), "Offer.Exception.PeriodInvalid", MaxDays);

        TimeOnly? opens = null, closes = null;
        if (kind is ExceptionKinds.ClosedHours or ExceptionKinds.ExtraHours)
        {
            opens = FormValues.Time(input.Opens, nameof(input.Opens), errors);
            closes = FormValues.Time(input.Closes, nameof(input.Closes), errors);
            if (opens is { } a && closes is { } b && b <= a)
                errors.Add(nameof(input.Closes), "Offer.Template.ClosesBeforeOpens");
        }
        var slotMinutes = kind == ExceptionKinds.ExtraHours ? FormValues.Number(input.SlotMinutes, nameof(input.SlotMinutes), 5, 480, errors) : null;
        var capacity = kind is ExceptionKinds.ExtraHours or ExceptionKinds.Capacity
            ? FormValues.Number(input.Capacity, nameof(input.Capacity), 1, 1000, errors) : null;
        if (errors.Any)
            return null;

        var scheduleKind = kind switch
        {
            ExceptionKinds.ExtraHours => ScheduleExceptionKind.ExtraHours,
            ExceptionKinds.Capacity => ScheduleExceptionKind.Capacity,
            _ => ScheduleExceptionKind.Closed,
        };
        var dates = Enumerable.Range(0, until!.Value.DayNumber - from!.Value.DayNumber + 1).Select(d => from.Value.AddDays(d));
        return new ScheduleEdit.AddExceptions(dates
            .Select(date => new DatedException(Guid.CreateVersion7(), new ScheduleException(service, date, scheduleKind, opens, closes, slotMinutes, capacity), 0))
            .ToList());
    }
}
