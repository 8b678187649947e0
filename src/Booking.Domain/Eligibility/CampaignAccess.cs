using Booking.Domain.Campaigns;

namespace Booking.Domain.Eligibility;

/// <summary>What the campaign part of eligibility needs: the service's campaigns, the groups the citizen declared
/// (see <see cref="PriorityGroups.Declarable"/>) and the instant of booking (campaigns open and close in time).</summary>
public sealed record CampaignAccess(IReadOnlyList<Campaign> Campaigns, IReadOnlyCollection<string> DeclaredGroups, DateTimeOffset Now)
{
    /// <summary>Null when the citizen may book now; otherwise why not.</summary>
    public EligibilityResult? Refusal(int ageOnAppointment)
    {
        if (Campaigns.Count == 0)
            return null;
        var open = Campaigns.Where(c => c.IsOpenAt(Now)).ToList();
        var groups = open.SelectMany(c => c.GroupsOpenAt(Now)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
            return new EligibilityResult.CampaignNotOpen(NextOpening());
        return groups.Any(Admits) ? null : new EligibilityResult.NotInOpenGroups(groups);

        // The first instant a group of a campaign not closed yet starts booking.
        DateTimeOffset? NextOpening() => Campaigns.Where(c => c.ClosesAt is null || c.ClosesAt > Now)
            .SelectMany(c => c.Groups.Select(c.OpeningOf)).Where(opens => opens > Now).Select(opens => (DateTimeOffset?)opens).Min();

        bool Admits(string group) =>
            group == PriorityGroups.General
            || (PriorityGroups.TryParseAge(group, out var minAge) ? ageOnAppointment >= minAge : DeclaredGroups.Contains(group));
    }
}
