using System.Globalization;
using System.Text;

namespace Booking.Data.Operations;

/// <summary>A month's availability against the 99.5 % objective: the minutes outside planned outages that a probe
/// found ready, over all minutes outside planned outages; and the incidents, with their time to restore.</summary>
public sealed record AvailabilityReport(DateOnly Month, MinuteCounts Minutes, IReadOnlyList<Incident> Incidents)
{
    public const decimal Objective = 99.5m;

    public int CountedMinutes => Minutes.Minutes - Minutes.PlannedMinutes;

    public decimal UptimePercent => CountedMinutes == 0 ? 100m : Math.Round(100m * Minutes.ReadyMinutes / CountedMinutes, 3);

    public bool MeetsObjective => UptimePercent >= Objective;

    /// <summary>The unplanned incidents restored, for the time-to-restore figures.</summary>
    private IEnumerable<TimeSpan> RestoreTimes => Incidents.Where(i => !i.Planned && i.TimeToRestore is not null).Select(i => i.TimeToRestore!.Value);

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Availability {Month:yyyy-MM} ({AvailabilityRecord.Zone}), objective {Objective} %");
        text.AppendLine(c, $"minutes: {Minutes.Minutes}, planned outages: {Minutes.PlannedMinutes}, counted: {CountedMinutes}");
        text.AppendLine(c, $"ready: {Minutes.ReadyMinutes}, not ready: {Minutes.NotReadyMinutes}, without a probe: {Minutes.UnprobedMinutes}");
        text.AppendLine(c, $"uptime: {UptimePercent.ToString("0.000", c)} % ({(MeetsObjective ? "objective met" : "objective missed")}; downtime {CountedMinutes - Minutes.ReadyMinutes} min)");
        text.AppendLine(c, $"incidents: {Incidents.Count(i => !i.Planned)} unplanned, {Incidents.Count(i => i.Planned)} planned");
        foreach (var incident in Incidents)
        {
            var restored = incident.RestoredAt is { } at ? $"{at:yyyy-MM-dd HH:mm}Z, restored in {InMinutes(incident.TimeToRestore!.Value)}" : "not restored";
            text.AppendLine(c, $"  #{incident.Id} {incident.StartedAt:yyyy-MM-dd HH:mm}Z to {restored}, {incident.Severity}{(incident.Planned ? ", planned" : "")}: {incident.Summary}");
        }
        var restores = RestoreTimes.ToList();
        text.AppendLine(restores.Count == 0
            ? "time to restore: no unplanned incident restored"
            : $"time to restore: mean {InMinutes(TimeSpan.FromTicks((long)restores.Average(t => t.Ticks)))}, longest {InMinutes(restores.Max())}");
        return text.ToString();
    }

    private static string InMinutes(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");
}
