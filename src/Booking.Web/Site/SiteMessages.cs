using System.Text.RegularExpressions;
using Booking.Data.Catalog;
using Booking.Domain.Campaigns;
using Booking.Domain.Eligibility;
using Booking.Domain.Validation;
using Booking.ServiceDefaults;
using Booking.Web.Bookings;
using Booking.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Booking.Web.Site;

/// <summary>The application's outcomes (coded field errors, refusals) said in the page's language, from the .resx files.</summary>
public sealed class SiteMessages(IStringLocalizer<SiteText> text, ReferenceData referenceData)
{
    /// <summary>Field errors keyed as the page's inputs are (without the API's <paramref name="prefix"/>, e.g. "citizen.").</summary>
    public FieldErrors Fields(ValidationErrors errors, string prefix = "")
    {
        var fields = new FieldErrors();
        foreach (var (field, list) in errors.ByField)
        {
            var id = field.StartsWith(prefix, StringComparison.Ordinal) ? field[prefix.Length..] : field;
            fields.Add(id, Field(id, list[0].Code));
        }
        return fields;
    }

    /// <summary>A field's own wording for a code when it has one ("Error.postalCode.required"), else the code's.</summary>
    public string Field(string field, string code) =>
        text[$"Error.{PersonField.Replace(field, "")}.{code}"] is { ResourceNotFound: false } specific ? specific : text[$"Error.{code}"];

    // A group member's field ("people[1].birthDate") has the same wording as the single form's ("birthDate").
    private static readonly Regex PersonField = new(@"^people\[\d+\]\.", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public async Task<string> RefusalAsync(Refusal refusal) => refusal switch
    {
        Refusal.NotEligible { Reason: EligibilityResult.TooYoung young } => text["Refusal.TooYoung", young.MinAgeYears],
        Refusal.NotEligible { Reason: EligibilityResult.TooOld old } => text["Refusal.TooOld", old.MaxAgeYears],
        Refusal.NotEligible { Reason: EligibilityResult.TooSoon soon } =>
            text["Refusal.TooSoon", await ServiceNameAsync(soon.SinceServiceCode), LocalFormat.Date(soon.EarliestDate)],
        Refusal.NotEligible { Reason: EligibilityResult.CampaignNotOpen { NextOpensAt: { } opensAt } } =>
            text["Refusal.CampaignOpensOn", LocalFormat.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(opensAt, Domain.Catalog.QuebecTime.Zone).DateTime))],
        Refusal.NotEligible { Reason: EligibilityResult.CampaignNotOpen } => text["Refusal.CampaignClosed"],
        Refusal.NotEligible { Reason: EligibilityResult.NotInOpenGroups groups } =>
            text["Refusal.NotInOpenGroups", string.Join(", ", groups.OpenGroups.Select(GroupName))],
        Refusal.ScreeningBlocked { Question: var question } =>
            (PlatformLanguages.Current == "en" ? question.ExplanationEn : question.ExplanationFr) ?? text["Refusal.ScreeningBlocked"],
        Refusal.GroupDoesNotFit { People: var people } => text["Refusal.GroupDoesNotFit", people],
        Refusal.GroupNotConfirmed { Person: var person, Reason: var reason } =>
            text["Refusal.GroupNotConfirmed", person + 1] + " " + await RefusalAsync(reason),
        Refusal.BookingNotChangeable { Reason: NotChangeableReason.Cancelled } => text["Refusal.BookingCancelled"],
        Refusal.BookingNotChangeable => text["Refusal.AppointmentPassed"],
        _ => text["Refusal." + refusal.GetType().Name],
    };

    /// <summary>A priority group as people say it ("60 ans et plus", "health workers").</summary>
    public string GroupName(string group) =>
        PriorityGroups.TryParseAge(group, out var age) ? text["GroupName.Age", age] : text["GroupName." + group];

    private async Task<string> ServiceNameAsync(string code) =>
        (await referenceData.GetAsync()).Services.TryGetValue(code, out var service) ? service.Name(PlatformLanguages.Current) : code;
}
