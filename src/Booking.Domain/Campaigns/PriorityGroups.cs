using System.Globalization;
using System.Text.RegularExpressions;

namespace Booking.Domain.Campaigns;

/// <summary>
/// Who a campaign is open to. Age groups (<c>age-75-plus</c>) are derived from the birth date on the appointment
/// date; the others are declared by the citizen (a checkbox), and <c>general</c> opens a campaign to everyone.
/// </summary>
public static partial class PriorityGroups
{
    public const string HealthWorker = "health-worker";
    public const string ChronicCondition = "chronic-condition";
    public const string Pregnant = "pregnant";
    public const string General = "general";

    /// <summary>The groups a citizen may declare (age groups are never declared: they follow from the birth date;
    /// declaring <c>general</c> grants nothing more than not declaring, and is accepted for forms that offer it).</summary>
    public static IReadOnlyList<string> Declarable { get; } = [HealthWorker, ChronicCondition, Pregnant, General];

    public static string Age(int minAgeYears) => $"age-{minAgeYears}-plus";

    /// <summary>The minimum age of an age group code such as <c>age-75-plus</c>.</summary>
    public static bool TryParseAge(string group, out int minAgeYears)
    {
        minAgeYears = 0;
        var match = AgePattern().Match(group);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out minAgeYears);
    }

    public static bool IsKnown(string group) => group == General || Declarable.Contains(group) || TryParseAge(group, out _);

    [GeneratedRegex("^age-([0-9]{1,3})-plus$")]
    private static partial Regex AgePattern();
}
