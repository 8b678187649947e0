using Booking.Admin.Resources;
using Microsoft.Extensions.Localization;

namespace Booking.Admin.Components.Shared;

/// <summary>What staff read for an error in a person's details, from the citizen site's stable code (its English
/// message is the API's): the same rules, in the staff site's words.</summary>
public static class CitizenErrorText
{
    public static string Of(string code, IStringLocalizer<StaffText> L) =>
        L["CitizenError." + code] is { ResourceNotFound: false } text ? text.Value : L["CitizenError.invalid"].Value;
}
