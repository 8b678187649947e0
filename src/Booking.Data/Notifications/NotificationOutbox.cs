using Booking.Data.Protection;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.Notifications;

/// <summary>
/// The dispatcher's side of the outbox. Claims are leases: a claimed row's next attempt is pushed to the end of the
/// lease, so a worker that dies mid-batch simply lets its rows come due again, for any worker, with the same id
/// (the idempotency key the provider sees). <c>skip locked</c> lets several workers claim at once without waiting.
/// </summary>
public sealed class NotificationOutbox(NpgsqlDataSource dataSource)
{
    /// <summary>Claims due messages with their bookings; the worker will read each citizen's contact, so the claim
    /// leaves the access trace the law asks for.</summary>
    public async Task<IReadOnlyList<ClaimedNotification>> ClaimAsync(string workerId, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with due as (
                select id, next_attempt_at as due_at from notifications
                where status in ('queued', 'sending') and next_attempt_at <= now()
                order by next_attempt_at
                limit @batch
                for update skip locked),
            claimed as (
                update notifications n
                set status = 'sending', attempts = n.attempts + 1, claimed_by = @worker, claimed_until = now() + @lease,
                    next_attempt_at = now() + @lease, updated_at = now()
                from due where n.id = due.id
                returning n.*, greatest(now() - due.due_at, interval '0') as overdue),
            logged as (
                insert into notification_events (notification_id, event, detail)
                select id, 'attempt', @worker || ' #' || attempts from claimed),
            traced as (
                insert into personal_data_access_log (actor, access, table_name, record_id, program)
                select 'system:notifications', 'read', 'bookings', booking_id, 'Notifications/dispatch' from claimed)
            select c.id, c.tenant_id, c.booking_id, c.kind, c.category, c.channel, c.attempts, c.fallback_of,
                   c.previous_slot_start, c.previous_location_id, b.confirmation_code, b.service_code, b.location_id,
                   b.slot_start, b.slot_end, b.language, b.citizen_ciphertext, b.encryption_key_id, c.overdue,
                   o.id, o.location_id, o.slot_start, o.expires_at,
                   coalesce(cr.answer_ciphertext, ar.answer_ciphertext), coalesce(cr.answer_key_id, ar.answer_key_id)
            from claimed c join bookings b on b.id = c.booking_id left join bulk_offers o on o.id = c.offer_id
            left join correction_requests cr on cr.id = c.correction_request_id
            left join access_requests ar on ar.id = c.access_request_id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("batch", batchSize);
        command.Parameters.AddWithValue("worker", workerId);
        command.Parameters.AddWithValue("lease", lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedNotification>();
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedNotification(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetGuid(9),
                reader.GetString(10), reader.GetString(11), reader.GetGuid(12),
                reader.GetFieldValue<DateTimeOffset>(13), reader.GetFieldValue<DateTimeOffset>(14), reader.GetString(15),
                reader.GetFieldValue<byte[]>(16), reader.GetString(17), reader.GetFieldValue<TimeSpan>(18),
                reader.IsDBNull(19) ? null : new OfferedSlot(reader.GetGuid(19), reader.GetGuid(20), reader.GetFieldValue<DateTimeOffset>(21),
                    reader.GetFieldValue<DateTimeOffset>(22)),
                reader.IsDBNull(23) ? null : new SealedData(reader.GetFieldValue<byte[]>(23), reader.GetString(24))));
        return claimed;
    }

    /// <summary>
    /// Records a batch of send results in one statement. Only rows this worker still holds are updated (a worker
    /// whose lease ran out must not overwrite the next one's outcome), and a status a provider's webhook already set
    /// wins: a send that timed out here may have gone through, and then its "processed" report says so. Rows are
    /// locked in id order, as the providers' batched reports are, so the two never deadlock.
    /// </summary>
    public async Task<int> RecordAsync(string workerId, IReadOnlyList<SendRecord> records, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with r as (
                select * from unnest(@id, @channel, @status, @provider_id, @error, @retry_at, @fallback)
                    as r(id, channel, status, provider_id, error, retry_at, fallback)),
            locked as materialized (
                select id from notifications where id = any(@id) order by id for update),
            updated as (
                update notifications n
                set channel = r.channel,
                    status = case when n.status = 'sending' then r.status else n.status end,
                    provider_message_id = coalesce(r.provider_id, n.provider_message_id),
                    last_error = r.error,
                    next_attempt_at = coalesce(r.retry_at, n.next_attempt_at),
                    sent_at = case when r.status = 'sent' then coalesce(n.sent_at, now()) else n.sent_at end,
                    claimed_by = null, claimed_until = null, updated_at = now()
                from r join locked l on l.id = r.id where n.id = r.id and n.claimed_by = @worker
                returning n.id, n.tenant_id, n.booking_id, n.kind, n.category, n.previous_slot_start, n.previous_location_id, n.offer_id,
                          n.correction_request_id, n.access_request_id),
            events as (
                insert into notification_events (notification_id, event, detail)
                select r.id, r.status, coalesce(r.error, r.provider_id) from r join updated u on u.id = r.id),
            fallbacks as (
                insert into notifications (id, tenant_id, booking_id, kind, category, channel, previous_slot_start,
                                           previous_location_id, fallback_of, offer_id, correction_request_id, access_request_id)
                select gen_random_uuid(), u.tenant_id, u.booking_id, u.kind, u.category, r.fallback, u.previous_slot_start,
                       u.previous_location_id, u.id, u.offer_id, u.correction_request_id, u.access_request_id
                from r join updated u on u.id = r.id where r.fallback is not null)
            select count(*) from updated
            """;
        await using var command = dataSource.CreateCommand(sql);
        var p = command.Parameters;
        p.AddWithValue("worker", workerId);
        p.AddWithValue("id", records.Select(r => r.Id).ToArray());
        p.AddWithValue("channel", records.Select(r => r.Channel).ToArray());
        p.AddWithValue("status", records.Select(r => r.Status).ToArray());
        p.Add(Nullable("provider_id", NpgsqlDbType.Text, records.Select(r => (object?)r.ProviderMessageId)));
        p.Add(Nullable("error", NpgsqlDbType.Text, records.Select(r => (object?)r.Error)));
        p.Add(Nullable("retry_at", NpgsqlDbType.TimestampTz, records.Select(r => (object?)r.RetryAt?.ToUniversalTime())));
        p.Add(Nullable("fallback", NpgsqlDbType.Text, records.Select(r => (object?)r.FallbackChannel)));
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Queues an "earlier appointment available" offer to each live booking of a cohort, in one statement.
    /// Bulk messages are billed apart from transactional ones (the admin site that calls this is a later issue).</summary>
    public async Task<int> EnqueueBulkOfferAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into notifications (id, tenant_id, booking_id, kind, category)
            select gen_random_uuid(), tenant_id, id, 'BulkOffer', 'bulk' from bookings
            where id = any(@ids) and status = 'confirmed'
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", bookingIds.ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Nullable(string name, NpgsqlDbType type, IEnumerable<object?> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.Select(v => v ?? DBNull.Value).ToArray() };
}
