using Booking.Domain.Scheduling;

namespace Booking.Data.Offer;

/// <summary>A weekday's opening window of a weekly template.</summary>
public sealed record TemplateHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>One service's weekly opening hours at a clinic for a period, cut into slots of one length with one number of
/// seats (stations) each; at <see cref="Version"/>.</summary>
public sealed record WeeklyTemplate(
    Guid Id,
    string ServiceCode,
    int SlotMinutes,
    int Capacity,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    IReadOnlyList<TemplateHours> Hours,
    int Version)
{
    public IEnumerable<WeeklyOpening> Openings =>
        Hours.Select(h => new WeeklyOpening(ServiceCode, h.Day, h.Opens, h.Closes, SlotMinutes, Capacity, ValidFrom, ValidUntil));
}

/// <summary>A change of one date's schedule, at <see cref="Version"/>.</summary>
public sealed record DatedException(Guid Id, ScheduleException Exception, int Version);

/// <summary>A clinic's whole schedule as staff edit it; <see cref="For"/> gives it to the slot engine.</summary>
public sealed record OfferSchedule(IReadOnlyList<WeeklyTemplate> Templates, IReadOnlyList<DatedException> Exceptions)
{
    public LocationSchedule For(TimeZoneInfo zone) =>
        new(zone, Templates.SelectMany(t => t.Openings).ToList(), Exceptions.Select(e => e.Exception).ToList());
}

/// <summary>The ways staff change a schedule. Each knows what the schedule becomes (to check and preview it before
/// anything is written) and which version of what it replaces it expects.</summary>
public abstract record ScheduleEdit
{
    public abstract OfferSchedule ApplyTo(OfferSchedule schedule);

    /// <summary>Whether what the edit replaces is in <paramref name="schedule"/> at the version the edit was made from.</summary>
    public abstract bool IsCurrentIn(OfferSchedule schedule);

    /// <summary>A new template (<see cref="WeeklyTemplate.Version"/> 0) or a new version of one.</summary>
    public sealed record SaveTemplate(WeeklyTemplate Template) : ScheduleEdit
    {
        public override OfferSchedule ApplyTo(OfferSchedule schedule) =>
            schedule with { Templates = [.. schedule.Templates.Where(t => t.Id != Template.Id), Template] };

        public override bool IsCurrentIn(OfferSchedule schedule) =>
            Template.Version == 0 ? schedule.Templates.All(t => t.Id != Template.Id) : schedule.Templates.Any(t => t.Id == Template.Id && t.Version == Template.Version);
    }

    public sealed record DeleteTemplate(Guid TemplateId, int Version) : ScheduleEdit
    {
        public override OfferSchedule ApplyTo(OfferSchedule schedule) =>
            schedule with { Templates = schedule.Templates.Where(t => t.Id != TemplateId).ToList() };

        public override bool IsCurrentIn(OfferSchedule schedule) => schedule.Templates.Any(t => t.Id == TemplateId && t.Version == Version);
    }

    /// <summary>New exceptions, one per date of a period.</summary>
    public sealed record AddExceptions(IReadOnlyList<DatedException> Exceptions) : ScheduleEdit
    {
        public override OfferSchedule ApplyTo(OfferSchedule schedule) =>
            schedule with { Exceptions = [.. schedule.Exceptions, .. Exceptions] };

        public override bool IsCurrentIn(OfferSchedule schedule) => true;
    }

    public sealed record DeleteException(Guid ExceptionId, int Version) : ScheduleEdit
    {
        public override OfferSchedule ApplyTo(OfferSchedule schedule) =>
            schedule with { Exceptions = schedule.Exceptions.Where(e => e.Id != ExceptionId).ToList() };

        public override bool IsCurrentIn(OfferSchedule schedule) => schedule.Exceptions.Any(e => e.Id == ExceptionId && e.Version == Version);
    }
}
