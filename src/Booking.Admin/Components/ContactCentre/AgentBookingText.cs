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
            AgentBookingResult.GroupHeld g => ("held", L["AgentBooking.GroupHeld", g.Holds.Count, Time(clinic, g.Holds[0].Start, "yyyy-MM-dd HH:mm"),
                Time(clinic, g.Holds.Min(h => h.ExpiresAt), "HH:mm")], false),
            AgentBookingResult.GroupBooked g => ("booked", L["AgentBooking.GroupBooked", g.Bookings.Count], false),
            AgentBookingResult.GroupDoesNotFit g => ("group-does-not-fit", L["AgentBooking.GroupDoesNotFit", g.People], true),
            AgentBookingResult.GroupNotEligible g => ("not-eligible", string.Join(" ", g.Refusals.Select(r => Eligibility(r.Reason, L, r.Person + 1))
                .Append(L["AgentBooking.GroupNotEligible"])), true),
            AgentBookingResult.GroupNotBooked g when Of(g.Reason, clinic, L) is var (name, why, _) =>
                (name, L["AgentBooking.GroupNotBooked", g.Person + 1] + " " + why, true),
            _ => ("slot-taken", L["AgentBooking.SlotTaken"], true),
        };

    /// <summary>A time of the group's, read back person by person.</summary>
    public static string Time(Location clinic, DateTimeOffset at, string format = "HH:mm") =>
        clinic.LocalTime(at).ToString(format, CultureInfo.InvariantCulture);

    /// <param name="person">A group's person (from 1), else the caller.</param>
    private static string Eligibility(EligibilityResult reason, IStringLocalizer<StaffText> L, int? person = null)
    {
        // The caller's sentences take the reason's figure; a group's person's, the person first.
        object[] With(object? figure) => person is { } n ? [n, figure!] : [figure!];
        var prefix = person is null ? "AgentBooking." : "AgentBooking.Member.";
        return reason switch
        {
            EligibilityResult.TooYoung y => L[prefix + "TooYoung", With(y.MinAgeYears)],
            EligibilityResult.TooOld o => L[prefix + "TooOld", With(o.MaxAgeYears)],
            EligibilityResult.TooSoon s => L[prefix + "TooSoon", With(s.EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            _ => person is { } n ? L["AgentBooking.Member.NoOpenCampaign", n] : L["AgentBooking.NoOpenCampaign"],
        };
    }
}
