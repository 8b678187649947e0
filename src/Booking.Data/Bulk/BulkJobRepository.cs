using Booking.Domain.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.Bulk;

/// <summary>
/// Bulk jobs and their items (migration 0060). Raw Npgsql throughout: dates, times and id arrays go through its own
/// type mapping. A job is leased by one runner at a time (<see cref="ClaimAsync"/>, <c>skip locked</c>, as the outbox),
/// so a runner that dies leaves its job to the next once the lease runs out.
/// </summary>
public sealed class BulkJobRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The selection's live bookings that have not started, in the clinic's own dates and hours.</summary>
    private const string Selected = """
        select b.id, b.version, b.service_code, b.slot_start
        from bookings b join locations l on l.id = b.location_id
        where b.location_id = @location and b.status = 'confirmed' and b.slot_start > @now
          and (b.slot_start at time zone l.time_zone)::date between @from and @until
          and (@service::text is null or b.service_code = @service)
          and (@from_time::time is null or (b.slot_start at time zone l.time_zone)::time >= @from_time)
          and (@until_time::time is null or (b.slot_start at time zone l.time_zone)::time < @until_time)
        """;

    private const string JobColumns = """
        j.id, j.tenant_id, j.action, j.location_id, j.service_code, j.from_date, j.until_date, j.from_time, j.until_time,
        j.target_from, j.target_until, j.offer_minutes
        """;

    public async Task<IReadOnlyList<SelectedBooking>> SelectAsync(BulkSelection selection, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Selected + " order by b.slot_start, b.id");
        AddSelection(command.Parameters, selection, now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var bookings = new List<SelectedBooking>();
        while (await reader.ReadAsync(cancellationToken))
            bookings.Add(new SelectedBooking(reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return bookings;
    }

    /// <summary>Starts a job over its selection as it is now, in one transaction: the job and one item per selected
    /// booking at its current version. A booking already in another unfinished job is left to that job.</summary>
    /// <returns>How many bookings the job holds.</returns>
    public async Task<int> CreateAsync(BulkJob job, string createdBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string insertJob = """
            insert into bulk_jobs (id, tenant_id, location_id, action, service_code, from_date, until_date, from_time, until_time,
                                   target_from, target_until, offer_minutes, created_by)
            values (@id, @tenant, @location, @action, @service, @from, @until, @from_time, @until_time, @target_from, @target_until,
                    @offer_minutes, @created_by)
            """;
        const string items = $"""
            with items as (
                insert into bulk_job_items (job_id, booking_id, booking_version)
                select @id, s.id, s.version from ({Selected}) s
                on conflict do nothing
                returning 1)
            update bulk_jobs set total = (select count(*) from items) where id = @id returning total
            """;
        await using (var insert = new NpgsqlCommand(insertJob, connection, transaction))
        {
            AddJob(insert.Parameters);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand(items, connection, transaction);
        AddJob(command.Parameters);
        var total = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return total;

        void AddJob(NpgsqlParameterCollection parameters)
        {
            AddSelection(parameters, job.Selection, now);
            parameters.AddWithValue("id", job.Id);
            parameters.AddWithValue("tenant", job.TenantId);
            parameters.AddWithValue("action", job.Action);
            parameters.Add(Nullable("target_from", NpgsqlDbType.Date, job.TargetFrom));
            parameters.Add(Nullable("target_until", NpgsqlDbType.Date, job.TargetUntil));
            parameters.Add(Nullable("offer_minutes", NpgsqlDbType.Integer, job.OfferMinutes));
            parameters.AddWithValue("created_by", createdBy);
        }
    }

    public async Task<BulkJobProgress?> FindAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        (await ProgressAsync("j.id = @id", p => p.AddWithValue("id", jobId), cancellationToken)).SingleOrDefault();

    /// <summary>The latest jobs at the clinics given (the caller has chosen those the person may see), newest first.</summary>
    public Task<IReadOnlyList<BulkJobProgress>> LatestAsync(IReadOnlyCollection<Guid> locationIds, int count, CancellationToken cancellationToken = default) =>
        ProgressAsync($"j.location_id = any(@locations) order by j.created_at desc limit {count}",
            p => p.AddWithValue("locations", locationIds.ToArray()), cancellationToken);

    private async Task<IReadOnlyList<BulkJobProgress>> ProgressAsync(string condition, Action<NpgsqlParameterCollection> parameters,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            select {JobColumns}, j.status, j.total, j.created_at, j.finished_at, c.moved, c.cancelled, c.offered, c.unplaced, c.changed
            from bulk_jobs j cross join lateral (
                select count(*) filter (where status = 'moved')::int as moved, count(*) filter (where status = 'cancelled')::int as cancelled,
                       count(*) filter (where status = 'offered')::int as offered, count(*) filter (where status = 'unplaced')::int as unplaced,
                       count(*) filter (where status = 'changed')::int as changed
                from bulk_job_items where job_id = j.id) c
            where {condition}
            """;
        await using var command = dataSource.CreateCommand(sql);
        parameters(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<BulkJobProgress>();
        while (await reader.ReadAsync(cancellationToken))
            jobs.Add(new BulkJobProgress(ReadJob(reader), reader.GetString(12), reader.GetInt32(13), reader.GetInt32(16), reader.GetInt32(17),
                reader.GetInt32(18), reader.GetInt32(19), reader.GetInt32(20), reader.GetFieldValue<DateTimeOffset>(14),
                reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15)));
        return jobs;
    }

    /// <summary>Leases the oldest running job nobody holds (or whose holder's lease ran out) to <paramref name="runner"/>.</summary>
    public async Task<BulkJob?> ClaimAsync(string runner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with next as (
                select id from bulk_jobs where status = 'running' and (claimed_until is null or claimed_until < now())
                order by created_at limit 1 for update skip locked)
            update bulk_jobs j set claimed_by = @runner, claimed_until = now() + @lease
            from next where j.id = next.id
            returning {JobColumns}
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("runner", runner);
        command.Parameters.AddWithValue("lease", lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadJob(reader) : null;
    }

    /// <summary>Extends the lease; false when the job is no longer this runner's (its lease ran out and another took it).</summary>
    public async Task<bool> RenewAsync(Guid jobId, string runner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "update bulk_jobs set claimed_until = now() + @lease where id = @id and claimed_by = @runner and status = 'running'");
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("runner", runner);
        command.Parameters.AddWithValue("lease", lease);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Up to <paramref name="count"/> pending items with their bookings as they are now, fewest attempts first.</summary>
    public async Task<IReadOnlyList<PendingItem>> PendingAsync(Guid jobId, int count, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select i.booking_id, i.booking_version, i.attempts, b.version, b.status, b.location_id, b.service_code, b.slot_start
            from bulk_job_items i join bookings b on b.id = i.booking_id
            where i.job_id = @id and i.status = 'pending'
            order by i.attempts, b.slot_start, b.id
            limit @count
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("count", count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<PendingItem>();
        while (await reader.ReadAsync(cancellationToken))
            items.Add(new PendingItem(reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4),
                reader.GetGuid(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        return items;
    }

    /// <summary>Settles pending items without changing their bookings: 'unplaced' or 'changed'.</summary>
    public Task MarkAsync(Guid jobId, IReadOnlyCollection<Guid> bookingIds, string status, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            update bulk_job_items set status = @status, updated_at = now()
            where job_id = @id and booking_id = any(@ids) and status = 'pending'
            """, cancellationToken, ("id", jobId), ("ids", bookingIds.ToArray()), ("status", status));

    /// <summary>Counts a round in which these items found no seat; one that has had <paramref name="maxAttempts"/> is unplaced.</summary>
    public Task CountAttemptAsync(Guid jobId, IReadOnlyCollection<Guid> bookingIds, int maxAttempts, CancellationToken cancellationToken = default) =>
        ExecuteAsync("""
            update bulk_job_items set attempts = attempts + 1, updated_at = now(),
                   status = case when attempts + 1 >= @max then 'unplaced' else status end
            where job_id = @id and booking_id = any(@ids) and status = 'pending'
            """, cancellationToken, ("id", jobId), ("ids", bookingIds.ToArray()), ("max", maxAttempts));

    /// <summary>Ends the job once none of its items is pending.</summary>
    public async Task<bool> FinishAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("""
            update bulk_jobs set status = 'done', finished_at = now(), claimed_by = null, claimed_until = null
            where id = @id and status = 'running'
              and not exists (select 1 from bulk_job_items where job_id = @id and status = 'pending')
            """, cancellationToken, ("id", jobId)) == 1;

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static BulkJob ReadJob(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2),
            new BulkSelection(reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<TimeOnly>(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<TimeOnly>(8)),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10),
            reader.IsDBNull(11) ? null : reader.GetInt32(11));

    private static void AddSelection(NpgsqlParameterCollection parameters, BulkSelection selection, DateTimeOffset now)
    {
        parameters.AddWithValue("location", selection.LocationId);
        parameters.AddWithValue("now", now.ToUniversalTime());
        parameters.AddWithValue("from", selection.From);
        parameters.AddWithValue("until", selection.Until);
        parameters.Add(new NpgsqlParameter("service", NpgsqlDbType.Text) { Value = (object?)selection.ServiceCode ?? DBNull.Value });
        parameters.Add(Nullable("from_time", NpgsqlDbType.Time, selection.FromTime));
        parameters.Add(Nullable("until_time", NpgsqlDbType.Time, selection.UntilTime));
    }

    private static NpgsqlParameter Nullable<T>(string name, NpgsqlDbType type, T? value) where T : struct =>
        new(name, type) { Value = value is { } v ? v : DBNull.Value };
}
