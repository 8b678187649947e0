using Booking.Data.Reporting;

namespace Booking.Reporting.Datasets;

/// <summary>One row per booking whose appointment falls on the day, de-identified: what, where, when and what became
/// of it, never who. Not an aggregate: no count to suppress.</summary>
public sealed class BookingsDataset(ExtractSourceQueries queries) : IExtractSource
{
    public const string Name = "bookings";

    public static readonly ExtractDataset Definition = new(Name,
        "One row per booking: service, campaign, tenant, region, clinic, appointment date and time, its status timeline (booked, moved, cancelled, checked in, no-show), how it was made, the person's age band and the forward sortation area of their postal code. No name, birth date, health-card number, contact or screening answer.",
        "The appointment's date at its clinic (the clinic's time zone); a booking moved to another day afterwards appears again in that day's partition.",
        [
            new("service_code", FieldType.Text, "The service booked (catalogue code).", "bookings.service_code"),
            new("campaign_id", FieldType.Identifier, "The campaign the booking was made under, if any.",
                "campaigns: the campaign of the service, at the booking's tenant or above, open when the booking was made"),
            new("campaign_name", FieldType.Text, "The campaign's name (French).", "campaigns.name_fr"),
            new(ExtractDataset.TenantField, FieldType.Identifier, "The tenant (health organisation) the clinic belongs to.", "bookings.tenant_id"),
            new("tenant_name", FieldType.Text, "The tenant's name.", "tenants.name"),
            new("region_name", FieldType.Text, "The region: the tenant just below the top of the tenant tree (empty for a top-level tenant).",
                "tenants (tree)"),
            new("location_id", FieldType.Identifier, "The clinic.", "bookings.location_id"),
            new("location_name", FieldType.Text, "The clinic's name.", "locations.name"),
            new("slot_date", FieldType.Date, "The appointment's date at the clinic.", "bookings.slot_start, in locations.time_zone"),
            new("slot_time", FieldType.Time, "The appointment's start time at the clinic.", "bookings.slot_start, in locations.time_zone"),
            new("status", FieldType.Text, "confirmed or cancelled, when the partition was built.", "bookings.status"),
            new("booked_at", FieldType.Timestamp, "When the booking was made.", "bookings.created_at"),
            new("times_moved", FieldType.Integer, "How many times the booking was moved (by the citizen or the clinic).",
                "notifications of kind BookingRescheduled or BookingMovedByClinic (not fallbacks)"),
            new("moved_at", FieldType.Timestamp, "When it was last moved, if ever.", "notifications.created_at of its last move"),
            new("cancelled_at", FieldType.Timestamp, "When it was cancelled, if it was.", "bookings.cancelled_at"),
            new("checked_in_at", FieldType.Timestamp, "When the person was checked in at the clinic, if they were.", "bookings.checked_in_at"),
            new("no_show_at", FieldType.Timestamp,
                "When the person was marked as not having come (by the front desk, or by the platform a set time after the slot), if they were.",
                "bookings.no_show_at"),
            new("channel", FieldType.Text,
                "How the booking was made: web (by the citizen), agent (by the contact centre for a caller) or walk-in (at the clinic's desk).",
                "bookings.channel"),
            new("age_band", FieldType.Text,
                "The person's age on the appointment's day, as a band: 0-4, 5-11, 12-17, 18-29, then ten-year bands to 80+. Empty for bookings made before bands were recorded.",
                "bookings.age_band (written with the booking; the birth date stays sealed)"),
            new("fsa", FieldType.Text,
                "The forward sortation area of the person's postal code: its first three characters, e.g. H2X (rural areas have a 0 as second character, e.g. G0A). Empty when no postal code was given (it is optional), and for bookings made before it was asked. Published as given: the platform keeps no list of areas too small to publish; a recipient who links this file to other sources applies its own rule for small areas.",
                "bookings.fsa (written with the booking; the full postal code is not kept)"),
        ]);

    public ExtractDataset Dataset => Definition;

    public async Task<IReadOnlyList<object?[]>> ReadAsync(ExtractDay day, CancellationToken cancellationToken) =>
        ExtractSourceRows.Of(Definition, await queries.BookingsAsync(day.Date, day.From, day.To, cancellationToken));
}
