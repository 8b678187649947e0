using System.Globalization;
using Booking.Admin.Resources;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;
using Booking.ServiceDefaults;
using Booking.Staff.ContactCentre;
using Microsoft.Extensions.Localization;

namespace Booking.Admin.Components.ContactCentre;

/// <summary>What an agent reads after choosing a time or sending a caller's details: a name for tests and styles, the
/// sentence, and whether it was refused (then the page answers 422). Times are the clinic's own.</summary>
public static class AgentBookingText
{
    public static (string Name, string Message, bool Refused) Of(AgentBookingResult result, Location clinic, IStringLocalizer<StaffText> L) =>
        result switch
        {
            AgentBookingResult.Held h => ("held", L["AgentBooking.Held", clinic.LocalTime(h.Start).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                clinic.LocalTime(h.ExpiresAt).ToString("HH:mm", CultureInfo.InvariantCulture)], false),
            AgentBookingResult.Booked b => ("booked", L["AgentBooking.Booked", b.ConfirmationCode, clinic.LocalTime(b.Start).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], false),
            AgentBookingResult.Invalid => ("invalid", L["AgentBooking.Invalid"], true),
            AgentBookingResult.NotEligible n => ("not-eligible", Eligibility(n.Reason, L), true),
            AgentBookingResult.HoldExpired => ("hold-expired", L["AgentBooking.HoldExpired"], true),
            AgentBookingResult.AlreadySent => ("already-sent", L["AgentBooking.AlreadySent"], true),
            AgentBookingResult.ScreeningBlocked b => ("screening-blocked", L["AgentBooking.ScreeningBlocked",
                (PlatformLanguages.Current == "en" ? b.Question.ExplanationEn : b.Question.ExplanationFr) ?? ""], true),
            _ => ("slot-taken", L["AgentBooking.SlotTaken"], true),
        };

    private static string Eligibility(EligibilityResult reason, IStringLocalizer<StaffText> L) => reason switch
    {
        EligibilityResult.TooYoung y => L["AgentBooking.TooYoung", y.MinAgeYears],
        EligibilityResult.TooOld o => L["AgentBooking.TooOld", o.MaxAgeYears],
        EligibilityResult.TooSoon s => L["AgentBooking.TooSoon", s.EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
        _ => L["AgentBooking.NoOpenCampaign"],
    };
}
