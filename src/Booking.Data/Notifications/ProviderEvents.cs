using Booking.Data.Privacy;
using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>One provider report on one of our messages.</summary>
/// <param name="Status">sent (the provider took it: settles a send whose answer we lost), delivered, bounced or failed.</param>
/// <param name="FallbackChannel">Channel of a replacement message when this one failed for good, if the citizen has it.</param>
public sealed record ProviderReport(Guid NotificationId, string Status, string? ProviderMessageId, string? Detail, string? FallbackChannel = null);

/// <summary>What providers report after a send (delivered, bounced, failed), applied to our messages. Reports come
/// out of order and more than once: a final status is never overwritten, and only the worse news adds a fallback.</summary>
public sealed class ProviderEvents(NpgsqlDataSource dataSource)
{
    /// <summary>The reports applied to the citizens' booking messages (with a fallback when one failed for good) and to
    /// the outboxes without a booking, staff e-mails and the waiting list's messages (no fallback: a report names their
    /// message's id as it does a booking message's).</summary>
    private static readonly string ApplySql = $$"""
        with reports as (
            select * from unnest(@id, @status, @provider_id, @detail, @fallback) as r(id, status, provider_id, detail, fallback)),
        locked as materialized (
            select id from notifications where id = any(@id) order by id for update),
        changed as (
            update notifications n
            set status = r.status, channel = coalesce(n.channel, @channel), updated_at = now(),
                provider_message_id = coalesce(n.provider_message_id, r.provider_id),
                sent_at = coalesce(n.sent_at, now()),
                delivered_at = case when r.status = 'delivered' then now() else n.delivered_at end,
                last_error = case when r.status in ('sent', 'delivered') then n.last_error else r.detail end
            from reports r join locked l on l.id = r.id
            where n.id = r.id and (n.status = 'sending' or n.status = 'sent' and r.status <> 'sent')
            returning n.id, n.tenant_id, n.booking_id, n.kind, n.category, n.previous_slot_start, n.previous_location_id,
                      n.fallback_of, r.status, r.detail, r.fallback),
        events as (
            insert into notification_events (notification_id, event, detail)
            select id, 'provider:' || status, detail from changed),
        fallbacks as (
            insert into notifications (id, tenant_id, booking_id, kind, category, channel, previous_slot_start,
                                       previous_location_id, fallback_of)
            select gen_random_uuid(), tenant_id, booking_id, kind, category, fallback, previous_slot_start,
                   previous_location_id, id
            from changed where status in ('failed', 'bounced') and fallback is not null and fallback_of is null),
        staff as ({{LeasedOutbox.ReportUpdate("staff_notifications")}}),
        listed as ({{LeasedOutbox.ReportUpdate("waiting_list_messages")}}),
        answered as ({{LeasedOutbox.ReportUpdate(ComplaintAnswerOutbox.Table)}})
        select (select count(*) from changed) + (select count(*) from staff) + (select count(*) from listed) + (select count(*) from answered)
        """;

    /// <summary>Applies a provider's batch (SendGrid posts hundreds of events at once) in one statement.</summary>
    /// <returns>How many messages changed.</returns>
    public async Task<int> ApplyAsync(string channel, IReadOnlyList<ProviderReport> reports, CancellationToken cancellationToken = default)
    {
        // Rows are locked in id order, as the worker's own batch record does: two batches that share messages then
        // wait for each other instead of deadlocking. An update joined to several reports for one message would apply just one of them, chosen by PostgreSQL:
        // keep one per message, the first final one (later news cannot overwrite it anyway), else the first.
        var latest = reports.GroupBy(r => r.NotificationId)
            .Select(g => g.FirstOrDefault(r => r.Status != NotificationStatus.Sent) ?? g.First())
            .ToList();
        await using var command = dataSource.CreateCommand(ApplySql);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("id", latest.Select(r => r.NotificationId).ToArray());
        command.Parameters.AddWithValue("status", latest.Select(r => r.Status).ToArray());
        command.Parameters.AddWithValue("provider_id", latest.Select(r => r.ProviderMessageId).ToArray());
        command.Parameters.AddWithValue("detail", latest.Select(r => r.Detail).ToArray());
        command.Parameters.AddWithValue("fallback", latest.Select(r => r.FallbackChannel).ToArray());
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The booking's sealed contact behind a message, to decide on a fallback channel (a read of personal
    /// data, so it leaves its trace).</summary>
    public async Task<(byte[] Ciphertext, string KeyId)?> ContactAsync(Guid notificationId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program)
                select 'system:notifications', 'read', 'bookings', booking_id, 'Notifications/fallback' from notifications where id = @id)
            select b.citizen_ciphertext, b.encryption_key_id
            from notifications n join bookings b on b.id = n.booking_id where n.id = @id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", notificationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        // A booking erased under the retention rule has no contact left to fall back on.
        return reader.IsDBNull(0) ? null : (reader.GetFieldValue<byte[]>(0), reader.GetString(1));
    }
}
