using System.Globalization;
using Booking.Admin.Resources;
using Booking.Domain.Catalog;
using Booking.Staff.Changes;
using Microsoft.Extensions.Localization;

namespace Booking.Admin.Components.Changes;

/// <summary>What staff read after cancelling or moving a booking: a name for tests and styles, the sentence, and whether
/// it was refused (then the page answers 422). Times are the clinic's own.</summary>
public static class ChangeText
{
    public static (string Name, string Message, bool Refused) Of(BookingChangeOutcome outcome, Location clinic, IStringLocalizer<StaffText> L) =>
        outcome switch
        {
            BookingChangeOutcome.Cancelled => ("cancelled", L["Change.Cancelled"], false),
            BookingChangeOutcome.Moved m => ("moved", L["Change.Moved", clinic.LocalTime(m.Start).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], false),
            BookingChangeOutcome.Invalid i => ("invalid", L["Change.Invalid", string.Join(", ", i.Fields.Select(f => L["Change.Field." + f].Value))], true),
            BookingChangeOutcome.AlreadySent => ("already-sent", L["Change.AlreadySent"], true),
            BookingChangeOutcome.NotChangeable => ("not-changeable", L["Change.NotChangeable"], true),
            BookingChangeOutcome.ChangedMeanwhile => ("changed-meanwhile", L["Change.ChangedMeanwhile"], true),
            BookingChangeOutcome.TooSoon => ("too-soon", L["Change.TooSoon"], true),
            BookingChangeOutcome.NotEligible => ("not-eligible", L["Change.NotEligible"], true),
            _ => ("slot-unavailable", L["Change.SlotUnavailable"], true),
        };
}
