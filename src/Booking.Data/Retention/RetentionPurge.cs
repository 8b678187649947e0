using Booking.Domain.Catalog;
using Dapper;
using Npgsql;

namespace Booking.Data.Retention;

/// <summary>What one pass erased of one class for one tenant (no tenant: the privacy complaints, which belong to none).</summary>
public sealed record RetentionErasure(Guid? TenantId, string DataClass, int Months, long Erased);

/// <summary>
/// Erases personal data past its retention, tenant by tenant and class by class, in batches of bounded transactions
/// (<c>skip locked</c>: a row being changed waits for the next pass). Only the sealed fields and the fingerprints go; the
/// statistics columns stay, so counts and extracts do not change. Running it again erases nothing more.
/// </summary>
public sealed class RetentionPurge(NpgsqlDataSource dataSource, TenantRetentionRepository settings)
{
    public const int DefaultBatch = 500;

    /// <summary>Every tenant, at <paramref name="now"/> (the platform clock).</summary>
    public async Task<IReadOnlyList<RetentionErasure>> PurgeAsync(DateTimeOffset now, int batch = DefaultBatch, CancellationToken cancellationToken = default)
    {
        var erasures = new List<RetentionErasure>();
        foreach (var tenant in (await settings.EffectiveAsync(null, cancellationToken)).GroupBy(e => e.TenantId))
            erasures.AddRange(await PurgeTenantAsync(tenant.Key, tenant.ToList(), now, batch, cancellationToken));
        var closed = (await settings.ClassesAsync(cancellationToken)).Single(c => c.DataClass == RetentionClass.ClosedRequests);
        erasures.Add(new RetentionErasure(null, closed.DataClass, closed.DefaultMonths,
            await InBatchesAsync(ClosedComplaints, null, Cutoff(now, closed.DefaultMonths), batch, now, cancellationToken)));
        return erasures;
    }

    /// <summary>One tenant, with its own months per class (its rows only: every statement names the tenant).</summary>
    public async Task<IReadOnlyList<RetentionErasure>> PurgeTenantAsync(Guid tenantId, DateTimeOffset now, int batch = DefaultBatch,
        CancellationToken cancellationToken = default) =>
        await PurgeTenantAsync(tenantId, await settings.EffectiveAsync([tenantId], cancellationToken), now, batch, cancellationToken);

    private async Task<IReadOnlyList<RetentionErasure>> PurgeTenantAsync(Guid tenantId, IReadOnlyList<EffectiveRetention> retention, DateTimeOffset now,
        int batch, CancellationToken cancellationToken)
    {
        int MonthsOf(string dataClass) => retention.Single(r => r.DataClass == dataClass).Months;
        var citizenMonths = MonthsOf(RetentionClass.CitizenDetails);
        var erasures = new List<RetentionErasure>
        {
            new(tenantId, RetentionClass.CitizenDetails, citizenMonths,
                await CitizenDetailsAsync(tenantId, Cutoff(now, citizenMonths), batch, now, cancellationToken)),
        };
        foreach (var (dataClass, statement) in Statements)
            erasures.Add(new RetentionErasure(tenantId, dataClass, MonthsOf(dataClass),
                await InBatchesAsync(statement, tenantId, Cutoff(now, MonthsOf(dataClass)), batch, now, cancellationToken)));
        return erasures;
    }

    private static DateTimeOffset Cutoff(DateTimeOffset now, int months) => now.ToUniversalTime().AddMonths(-months);

    private async Task<long> InBatchesAsync(string statement, Guid? tenantId, DateTimeOffset cutoff, int batch, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        long total = 0, erased;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        do
        {
            erased = await connection.ExecuteScalarAsync<long>(new CommandDefinition(statement, Parameters(tenantId, cutoff, batch, now),
                cancellationToken: cancellationToken));
            total += erased;
        }
        // A statement erasing from two tables counts both, so a full batch can count more than one batch.
        while (erased >= batch);
        return total;
    }

    /// <summary>A batch of bookings loses its citizen, and what still points at the person goes with it in the same
    /// transaction: the phone's reply targets, messages still queued (dead-lettered), pending reminders and the notes of
    /// staff changes (the owner's function, which erases notes of erased bookings only).</summary>
    private async Task<long> CitizenDetailsAsync(Guid tenantId, DateTimeOffset cutoff, int batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long total = 0;
        Guid[] ids;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        do
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            ids = (await connection.QueryAsync<Guid>(new CommandDefinition(ErasedBookings, Parameters(tenantId, cutoff, batch, now), transaction,
                cancellationToken: cancellationToken))).ToArray();
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("select erase_booking_change_notes(@ids)", new { ids }, transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            total += ids.Length;
        }
        while (ids.Length == batch);
        return total;
    }

    private static DynamicParameters Parameters(Guid? tenantId, DateTimeOffset cutoff, int batch, DateTimeOffset now)
    {
        var parameters = new DynamicParameters(new { tenant = tenantId, cutoff, batch, now });
        parameters.Add("cutoffDate", DateOnly.FromDateTime(cutoff.UtcDateTime));
        parameters.Add("today", QuebecTime.DateOf(QuebecTime.Zone, now));
        return parameters;
    }

    // A booking of a service with a minimum interval keeps its fingerprints while its interval runs: they are what stops
    // the same person booking the next dose too soon (the exclusion constraints of bookings).
    private const string ErasedBookings = """
        with batch as (
            select b.id from bookings b
            where b.tenant_id = @tenant and b.personal_data_erased_at is null and b.slot_end < @cutoff
              and (b.interval_window is null or upper(b.interval_window) <= @today)
            order by b.slot_end
            limit @batch
            for update skip locked),
        erased as (
            update bookings b
            set citizen_ciphertext = null, encryption_key_id = null, citizen_fingerprint = null, health_card_fingerprint = null,
                phone_fingerprint = null, request_digest = null, personal_data_erased_at = @now
            from batch where b.id = batch.id
            returning b.id),
        replies as (delete from sms_reply_targets t using erased e where t.booking_id = e.id),
        reminders as (update reminders r set status = 'cancelled' from erased e where r.booking_id = e.id and r.status = 'pending'),
        silenced as (
            update notifications n set status = 'dead_letter', last_error = 'personal data erased under the retention rule', updated_at = @now
            from erased e where n.booking_id = e.id and n.status in ('queued', 'sending'))
        select id from erased
        """;

    private const string Declarations = """
        with batch as (
            select d.booking_id from booking_declarations d join bookings b on b.id = d.booking_id
            where b.tenant_id = @tenant and b.slot_end < @cutoff
            limit @batch
            for update of d skip locked),
        erased as (delete from booking_declarations d using batch where d.booking_id = batch.booking_id returning 1)
        select count(*) from erased
        """;

    /// <summary>A booking's closed requests, corrections and access requests alike: a batch of each.</summary>
    private static readonly string ClosedBookingRequests = $"""
        with {ClosedOfBooking("correction_requests", "corrections")},
        {ClosedOfBooking("access_requests", "accesses")}
        select (select count(*) from corrections_erased) + (select count(*) from accesses_erased)
        """;

    private static string ClosedOfBooking(string table, string name) => $"""
        {name} as (
            select r.id from {table} r join bookings b on b.id = r.booking_id
            where b.tenant_id = @tenant and r.status = 'answered' and r.answered_at < @cutoff
            limit @batch
            for update of r skip locked),
        {name}_erased as (delete from {table} r using {name} where r.id = {name}.id returning 1)
        """;

    private const string ClosedComplaints = """
        with batch as (
            select c.id from privacy_complaints c
            where c.status = 'answered' and c.answered_at < @cutoff
            limit @batch
            for update skip locked),
        erased as (delete from privacy_complaints c using batch where c.id = batch.id returning 1)
        select count(*) from erased
        """;

    // An entry belongs to the tenant of the clinics it covers (one tenant's, as the citizen site offers them).
    private const string WaitingListEntries = """
        with batch as (
            select e.id from waiting_list_entries e join locations l on l.id = e.location_ids[1]
            where l.tenant_id = @tenant and e.personal_data_erased_at is null
              and (e.to_date < @cutoffDate or (e.status <> 'waiting' and coalesce(e.left_at, e.created_at) < @cutoff))
            limit @batch
            for update of e skip locked),
        erased as (
            update waiting_list_entries e
            set contact_ciphertext = null, encryption_key_id = null, contact_fingerprint = null, personal_data_erased_at = @now,
                status = case when e.status = 'waiting' then 'left' else e.status end, left_at = coalesce(e.left_at, @now)
            from batch where e.id = batch.id
            returning e.id),
        silenced as (
            update waiting_list_messages m set status = 'dead_letter', last_error = 'personal data erased under the retention rule'
            from erased e where m.entry_id = e.id and m.status in ('queued', 'sending'))
        select count(*) from erased
        """;

    // A message's events and last error lose the provider's text; the events' kind and time, and the message's status,
    // stay for the delivery statistics. A message still being sent keeps its last error, which its next attempt reads.
    private const string NotificationDetails = """
        with events as (
            select e.id from notification_events e join notifications n on n.id = e.notification_id
            where n.tenant_id = @tenant and e.detail is not null and e.occurred_at < @cutoff
            limit @batch
            for update of e skip locked),
        erased_events as (update notification_events e set detail = null from events where e.id = events.id returning 1),
        messages as (
            select n.id from notifications n
            where n.tenant_id = @tenant and n.last_error is not null and n.status not in ('queued', 'sending') and n.updated_at < @cutoff
            limit @batch
            for update skip locked),
        erased_messages as (update notifications n set last_error = null from messages where n.id = messages.id returning 1)
        select (select count(*) from erased_events) + (select count(*) from erased_messages)
        """;

    /// <summary>The classes erased by one statement a batch (the citizen's details need two: <see cref="CitizenDetailsAsync"/>).</summary>
    private static readonly (string DataClass, string Statement)[] Statements =
    [
        (RetentionClass.Declarations, Declarations),
        (RetentionClass.ClosedRequests, ClosedBookingRequests),
        (RetentionClass.WaitingList, WaitingListEntries),
        (RetentionClass.NotificationDetails, NotificationDetails),
    ];
}
