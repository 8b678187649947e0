using Booking.Data.Reporting;

namespace Booking.Reporting.Datasets;

/// <summary>Per waiting room and day: how its queue went (arrivals, admissions, the queue's peak, the waits), from the
/// figures the room saves as it runs. Counts only; no ticket, no address, no one.</summary>
public sealed class WaitingRoomDataset(ExtractSourceQueries queries) : IExtractSource
{
    public const string Name = "waiting_room";

    public static readonly ExtractDataset Definition = new(Name,
        "Per waiting room and day (a campaign's opening, and any later day its room was in use): tickets handed out, visitors admitted, those who left, the queue's peak, the waits from ticket to admission and the admission rate configured.",
        "The day in Québec time on which the tickets were handed out and admitted (a ticket handed out before midnight and admitted after counts on each day for what happened on it).",
        [
            new("day", FieldType.Date, "The day.", "waiting_room_days.day"),
            new("room", FieldType.Text, "The waiting room: campaign-… for a campaign's room, else the name a host's configuration gives it.",
                "waiting_room_days.room"),
            new("campaign_id", FieldType.Identifier, "The campaign the room stands in front of (empty for a room of a host's configuration).",
                "campaigns whose waiting room it is"),
            new("campaign_name", FieldType.Text, "The campaign's name (French).", "campaigns.name_fr"),
            new(ExtractDataset.TenantField, FieldType.Identifier, "The tenant the campaign belongs to.", "campaigns.tenant_id"),
            new("tenant_name", FieldType.Text, "The tenant's name.", "tenants.name"),
            new("region_name", FieldType.Text, "The region: the tenant just below the top of the tenant tree (empty for a top-level tenant).",
                "tenants (tree)"),
            new("campaign_opens_at", FieldType.Timestamp, "When the campaign opens for booking, as configured.", "campaigns.opens_at"),
            new("opened_at", FieldType.Timestamp,
                "When the day's first ticket was handed out: the room's actual opening that day (empty on a day that only admitted the day before's tickets).",
                "waiting_room_days.first_ticket_at"),
            new("admissions_per_minute", FieldType.Integer, "The admission rate configured, as last in force that day.",
                "waiting_room_days.admissions_per_minute (campaigns.admissions_per_minute, or the host's configuration)"),
            new("arrivals", FieldType.Integer, "Tickets handed out (visitors who entered the room; one who enters again with their ticket keeps it).",
                "waiting_room_days.arrivals", FieldRole.Count),
            new("admitted", FieldType.Integer, "Tickets admitted: their turn came.", "waiting_room_days.admitted", FieldRole.Count),
            new("left_before_pass", FieldType.Integer,
                "Admitted tickets whose holder never came back for the pass that lets them book: they had left the room (abandoned). Tickets still waiting when the day ended are in neither count.",
                "waiting_room_days.admitted − waiting_room_days.passes_collected", FieldRole.Count),
            new("peak_waiting", FieldType.Integer, "The longest the queue was: tickets handed out and not yet admitted.",
                "waiting_room_days.peak_waiting", FieldRole.Count),
            new("median_wait_seconds", FieldType.Integer,
                "Median wait from ticket to admission, in seconds, to the second under a minute, to ten seconds under ten minutes, to the minute beyond. An admission is seen when the queue next moves (a visitor entering or asking where they stand, every few seconds while the page is open).",
                "waiting_room_days.waits (a histogram, never a wait per ticket)", FieldRole.DerivedFromCounts),
            new("p90_wait_seconds", FieldType.Integer, "The wait nine admitted visitors in ten had at most, in seconds, to the same precision.",
                "waiting_room_days.waits", FieldRole.DerivedFromCounts),
            new("max_wait_seconds", FieldType.Integer, "The longest wait from ticket to admission, in seconds.", "waiting_room_days.max_wait_seconds",
                FieldRole.DerivedFromCounts),
            new("interrupted", FieldType.Boolean,
                "True when the room restarted that day with visitors waiting (its server was lost): they kept their places, but their admissions and waits are not counted.",
                "waiting_room_days.interrupted"),
            ExtractDataset.SuppressedMark,
        ]);

    public ExtractDataset Dataset => Definition;

    public async Task<IReadOnlyList<object?[]>> ReadAsync(ExtractDay day, CancellationToken cancellationToken) =>
        ExtractSourceRows.Of(Definition, await queries.WaitingRoomDaysAsync(day.Date, day.From, day.To, cancellationToken));
}
