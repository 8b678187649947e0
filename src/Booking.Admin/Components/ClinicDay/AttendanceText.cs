using System.Globalization;
using Booking.Admin.Components.Shared;
using Booking.Admin.Resources;
using Booking.Data.ClinicDay;
using Booking.Domain.Catalog;
using Booking.Domain.Validation;
using Booking.Staff.ClinicDay;
using Microsoft.Extensions.Localization;

namespace Booking.Admin.Components.ClinicDay;

/// <summary>What the front desk reads after a check-in or a no-show: a name for tests and styles, the sentence, and
/// whether it was refused. Times are the clinic's own.</summary>
public static class AttendanceText
{
    public static (string Name, string Message, bool Refused) Of(CheckInOutcome outcome, Location clinic, IStringLocalizer<StaffText> L)
    {
        string Time(DateTimeOffset at) => clinic.LocalTime(at).ToString("HH:mm", CultureInfo.InvariantCulture);
        return outcome switch
        {
            CheckInOutcome.CheckedIn c => ("checked-in", L["ClinicDay.CheckedIn", c.Person.FirstName, c.Person.LastName, Time(c.At)], false),
            CheckInOutcome.AlreadyCheckedIn c => ("already-checked-in", L["ClinicDay.AlreadyCheckedIn", c.Person.FirstName, c.Person.LastName, Time(c.At)], false),
            CheckInOutcome.OtherClinic c => ("other-clinic", L["ClinicDay.OtherClinic", c.ClinicName, clinic.LocalTime(c.SlotStart).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], true),
            CheckInOutcome.OtherDay c => ("other-day", L["ClinicDay.OtherDay", c.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Time(c.SlotStart)], true),
            CheckInOutcome.InvalidPass c => ("invalid-pass", L["ClinicDay.InvalidPass." + c.Reason], true),
            CheckInOutcome.NoLongerValid => ("no-longer-valid", L["ClinicDay.NoLongerValid"], true),
            CheckInOutcome.Several => ("several", L["ClinicDay.Several"], true),
            CheckInOutcome.NotToday => ("not-today", L["ClinicDay.NotToday"], true),
            _ => ("not-found", L["ClinicDay.NotFound"], true),
        };
    }

    public static (string Name, string Message, bool Refused) Of(WalkInResult result, Location clinic, IStringLocalizer<StaffText> L) => result switch
    {
        WalkInResult.Booked b => ("walk-in-booked", L["ClinicDay.WalkInBooked", b.ConfirmationCode, clinic.LocalTime(b.Start).ToString("HH:mm", CultureInfo.InvariantCulture)], false),
        WalkInResult.Invalid i => ("walk-in-invalid", L["ClinicDay.WalkInInvalid", Errors(i.Errors, L)], true),
        WalkInResult.NotEligible => ("walk-in-not-eligible", L["ClinicDay.WalkInNotEligible"], true),
        WalkInResult.AlreadySent => ("walk-in-already-sent", L["ClinicDay.WalkInAlreadySent"], true),
        WalkInResult.NotToday => ("not-today", L["ClinicDay.NotToday"], true),
        _ => ("walk-in-no-room", L["ClinicDay.WalkInNoRoom"], true),
    };

    /// <summary>Each field in error and why, by the citizen site's codes: "first name — required; phone — …".</summary>
    private static string Errors(ValidationErrors errors, IStringLocalizer<StaffText> L) =>
        string.Join("; ", errors.ByField.Select(field =>
        {
            // The validator names the person's fields as the citizen API does (citizen.healthCardNumber…).
            var name = field.Key.Replace("citizen.", "", StringComparison.Ordinal);
            var label = L["ClinicDay.Field." + (name == "healthCardNumber" ? "healthCard" : name)] is { ResourceNotFound: false } text ? text.Value : name;
            return $"{label} — {string.Join(" ", field.Value.Select(e => CitizenErrorText.Of(e.Code, L).TrimEnd('.')))}";
        }));

    public static (string Name, string Message, bool Refused) Of(AttendanceOutcome outcome, Location clinic, IStringLocalizer<StaffText> L)
    {
        string Time(DateTimeOffset at) => clinic.LocalTime(at).ToString("HH:mm", CultureInfo.InvariantCulture);
        return outcome switch
        {
            AttendanceOutcome.Marked m => ("no-show", L["ClinicDay.NoShowMarked", Time(m.At)], false),
            AttendanceOutcome.AlreadyNoShow m => ("already-no-show", L["ClinicDay.AlreadyNoShow", Time(m.At)], false),
            AttendanceOutcome.AlreadyCheckedIn m => ("already-checked-in", L["ClinicDay.CheckedInNotAbsent", Time(m.At)], true),
            AttendanceOutcome.NotStarted => ("not-started", L["ClinicDay.NotStarted"], true),
            _ => ("not-found", L["ClinicDay.NotFound"], true),
        };
    }
}
