using Booking.Data.Reporting;

namespace Booking.Reporting.Datasets;

/// <summary>Messages to citizens per tenant, category, channel and outcome, by the day they were queued.</summary>
public sealed class NotificationVolumesDataset(ExtractSourceQueries queries) : IExtractSource
{
    public const string Name = "notification_volumes";

    public static readonly ExtractDataset Definition = new(Name,
        "Messages to citizens (confirmations, changes, reminders) per tenant, category, channel and outcome.",
        "The day the message was queued, in Québec time; its outcome as it stood when the partition was built.",
        [
            new(ExtractDataset.TenantField, FieldType.Identifier, "The tenant whose booking the message is about.", "notifications.tenant_id"),
            new("tenant_name", FieldType.Text, "The tenant's name.", "tenants.name"),
            new("region_name", FieldType.Text, "The region: the tenant just below the top of the tenant tree (empty for a top-level tenant).",
                "tenants (tree)"),
            new("category", FieldType.Text, "transactional or bulk (billed apart).", "notifications.category"),
            new("channel", FieldType.Text, "email, sms, or none when no channel was chosen yet.", "notifications.channel"),
            new("outcome", FieldType.Text, "queued, sending, sent, delivered, failed, bounced or dead_letter (given up).", "notifications.status"),
            new("messages", FieldType.Integer, "How many messages.", "count of notifications", FieldRole.Count),
            ExtractDataset.SuppressedMark,
        ]);

    public ExtractDataset Dataset => Definition;

    public async Task<IReadOnlyList<object?[]>> ReadAsync(ExtractDay day, CancellationToken cancellationToken) =>
        ExtractSourceRows.Of(Definition, await queries.NotificationVolumesAsync(day.Date, day.From, day.To, cancellationToken));
}
