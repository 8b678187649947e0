using Booking.Data.Bulk;
using Booking.Grains.Bulk;
using Booking.Staff.Offer;

namespace Booking.Staff.Bulk;

/// <summary>A bulk change as typed on the staff site: which bookings (clinic, service, dates, hours), what to do with
/// them, and for a move the dates they may go to.</summary>
public sealed class BulkForm
{
    /// <summary>The longest period a selection may span (a cohort: everyone booked after a date, for months).</summary>
    public const int MaxSelectionDays = 366;

    /// <summary>The longest period of dates a move or an offer may go to.</summary>
    public const int MaxTargetDays = 31;

    /// <summary>The longest an offer's seat is held for the citizen.</summary>
    public const int MaxOfferHours = 168;

    public string? LocationId { get; set; }
    public string? ServiceCode { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public string? FromTime { get; set; }
    public string? UntilTime { get; set; }
    public string? Action { get; set; }
    public string? TargetFrom { get; set; }
    public string? TargetUntil { get; set; }
    public string? OfferHours { get; set; }

    /// <summary>The request the form asks for, or null with every problem in <paramref name="errors"/>; dates from
    /// <paramref name="today"/> on (a booking that has started is history).</summary>
    public BulkRequest? Read(IReadOnlyCollection<string> serviceCodes, DateOnly today, FormErrors errors)
    {
        if (!Guid.TryParse(LocationId, out var location))
            errors.Add(nameof(LocationId), "Offer.Required");
        var service = string.IsNullOrEmpty(ServiceCode) ? null : ServiceCode;
        if (service is not null && !serviceCodes.Contains(service))
            errors.Add(nameof(ServiceCode), "Bulk.UnknownService");
        if (Action is null || !BulkActions.All.Contains(Action))
            errors.Add(nameof(Action), "Offer.Required");
        var (from, until) = Period(From, Until, nameof(From), nameof(Until), MaxSelectionDays, today, errors);
        var (fromTime, untilTime) = Hours(errors);
        var (targetFrom, targetUntil) = Action is BulkActions.Move or BulkActions.Offer
            ? Period(TargetFrom, TargetUntil, nameof(TargetFrom), nameof(TargetUntil), MaxTargetDays, today, errors)
            : (null, null);
        var offerHours = Action == BulkActions.Offer ? FormValues.Number(OfferHours, nameof(OfferHours), 1, MaxOfferHours, errors) : null;
        return errors.Any
            ? null
            : new BulkRequest(location, service, from!.Value, until!.Value, fromTime, untilTime, Action!, targetFrom, targetUntil, offerHours * 60);
    }

    private static (DateOnly?, DateOnly?) Period(string? fromText, string? untilText, string fromField, string untilField, int maxDays, DateOnly today,
        FormErrors errors)
    {
        var from = FormValues.Date(fromText, fromField, errors);
        var until = FormValues.Date(untilText, untilField, errors);
        if (from < today)
            errors.Add(fromField, "Bulk.Past");
        if (from is { } f && until is { } u && (u < f || u.DayNumber - f.DayNumber >= maxDays))
            errors.Add(untilField, "Bulk.PeriodInvalid", maxDays);
        return (from, until);
    }

    private (TimeOnly?, TimeOnly?) Hours(FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(FromTime) && string.IsNullOrWhiteSpace(UntilTime))
            return (null, null);
        var from = FormValues.Time(FromTime, nameof(FromTime), errors);
        var until = FormValues.Time(UntilTime, nameof(UntilTime), errors);
        if (from is { } f && until is { } u && u <= f)
            errors.Add(nameof(UntilTime), "Bulk.HoursInvalid");
        return (from, until);
    }
}
