using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>What providers report after a send (delivered, bounced, failed), applied to our messages. Reports come
/// out of order and more than once: a final status is never overwritten, and only the worse news adds a fallback.</summary>
public sealed class ProviderEvents(NpgsqlDataSource dataSource)
{
    /// <param name="status">sent (the provider took it: settles a send whose answer we lost), delivered, bounced or failed.</param>
    /// <param name="fallbackChannel">Channel of a replacement message when this one failed for good, if the citizen has it.</param>
    public async Task<bool> ApplyAsync(Guid notificationId, string channel, string status, string? providerMessageId, string? detail, string? fallbackChannel,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            with changed as (
                update notifications
                set status = @status, channel = coalesce(channel, @channel), updated_at = now(),
                    provider_message_id = coalesce(provider_message_id, @provider_id),
                    sent_at = coalesce(sent_at, now()),
                    delivered_at = case when @status = 'delivered' then now() else delivered_at end,
                    last_error = case when @status in ('sent', 'delivered') then last_error else @detail end
                where id = @id and (status = 'sending' or status = 'sent' and @status <> 'sent')
                returning id, tenant_id, booking_id, kind, category, channel, previous_slot_start, previous_location_id, fallback_of),
            events as (
                insert into notification_events (notification_id, event, detail)
                select id, 'provider:' || @status, @detail from changed),
            fallbacks as (
                insert into notifications (id, tenant_id, booking_id, kind, category, channel, previous_slot_start,
                                           previous_location_id, fallback_of)
                select gen_random_uuid(), tenant_id, booking_id, kind, category, @fallback, previous_slot_start,
                       previous_location_id, id
                from changed where @status in ('failed', 'bounced') and @fallback::text is not null and fallback_of is null)
            select count(*) from changed
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", notificationId);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("provider_id", (object?)providerMessageId ?? DBNull.Value);
        command.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        command.Parameters.AddWithValue("fallback", (object?)fallbackChannel ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
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
        return (reader.GetFieldValue<byte[]>(0), reader.GetString(1));
    }
}
