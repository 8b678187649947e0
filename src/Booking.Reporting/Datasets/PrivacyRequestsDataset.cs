using Booking.Data.Reporting;

namespace Booking.Reporting.Datasets;

/// <summary>Citizens' privacy requests (Law 25) per tenant, kind and status, by the day they were received.</summary>
public sealed class PrivacyRequestsDataset(ExtractSourceQueries queries) : IExtractSource
{
    public const string Name = "privacy_requests";

    public static readonly ExtractDataset Definition = new(Name,
        "Citizens' privacy requests per tenant, kind and status: counts only, never what was asked.",
        "The day the request was received, in Québec time; its status as it stood when the partition was built.",
        [
            new(ExtractDataset.TenantField, FieldType.Identifier, "The tenant of the booking a correction or an access request is about; empty for a complaint, which names no tenant.",
                "bookings.tenant_id of correction_requests.booking_id, access_requests.booking_id"),
            new("tenant_name", FieldType.Text, "The tenant's name.", "tenants.name"),
            new("region_name", FieldType.Text, "The region: the tenant just below the top of the tenant tree (empty for a top-level tenant).",
                "tenants (tree)"),
            new("kind", FieldType.Text, "correction (of what we hold), access (to what we hold, asked of staff) or complaint (about how it was handled).",
                "correction_requests, access_requests, privacy_complaints"),
            new("status", FieldType.Text, "received, in_progress or answered.", "correction_requests.status, access_requests.status, privacy_complaints.status"),
            new("requests", FieldType.Integer, "How many requests.", "count of rows", FieldRole.Count),
            ExtractDataset.SuppressedMark,
        ]);

    public ExtractDataset Dataset => Definition;

    public async Task<IReadOnlyList<object?[]>> ReadAsync(ExtractDay day, CancellationToken cancellationToken) =>
        ExtractSourceRows.Of(Definition, await queries.PrivacyRequestsAsync(day.Date, day.From, day.To, cancellationToken));
}
