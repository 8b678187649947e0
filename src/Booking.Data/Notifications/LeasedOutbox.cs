using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>
/// The lease that the staff and waiting-list outboxes share (one table each, the same columns): due rows claimed with
/// <c>skip locked</c> and their next attempt pushed to the lease's end, so a worker that dies lets them come due again;
/// an outcome recorded only by the worker that still holds the row.
/// </summary>
internal static class LeasedOutbox
{
    /// <summary>The <c>claimed</c> CTE over <paramref name="table"/> (a constant of ours, never input), returning
    /// <paramref name="returning"/>; parameters <c>@batch</c>, <c>@worker</c>, <c>@lease</c>.</summary>
    public static string ClaimCte(string table, string returning) => $"""
        with due as (
            select id from {table}
            where status in ('queued', 'sending') and next_attempt_at <= now()
            order by next_attempt_at
            limit @batch
            for update skip locked),
        claimed as (
            update {table} m
            set status = 'sending', attempts = m.attempts + 1, claimed_by = @worker, next_attempt_at = now() + @lease
            from due where m.id = due.id
            returning {returning})
        """;

    public static void AddClaimParameters(NpgsqlCommand command, string workerId, int batchSize, TimeSpan lease)
    {
        command.Parameters.AddWithValue("batch", batchSize);
        command.Parameters.AddWithValue("worker", workerId);
        command.Parameters.AddWithValue("lease", lease);
    }

    /// <summary>The update of <paramref name="table"/> by the providers' reports in the CTE <c>reports</c> (id, status,
    /// provider_id, detail), as <see cref="ProviderEvents"/> applies them to the citizens' messages: a final status is
    /// never overwritten.</summary>
    public static string ReportUpdate(string table) => $"""
        update {table} m
        set status = r.status, provider_message_id = coalesce(m.provider_message_id, r.provider_id), sent_at = coalesce(m.sent_at, now()),
            last_error = case when r.status in ('sent', 'delivered') then m.last_error else r.detail end
        from reports r
        where m.id = r.id and (m.status = 'sending' or m.status = 'sent' and r.status <> 'sent')
        returning m.id
        """;

    /// <summary>Records one send's outcome, if this worker still holds the row and no provider's report came first: sent, queued again at
    /// <paramref name="retryAt"/>, or given up (dead_letter).</summary>
    public static async Task RecordAsync(NpgsqlDataSource dataSource, string table, string workerId, Guid id, string status, string? providerMessageId,
        string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var sql = $"""
            update {table}
            set status = @status, provider_message_id = coalesce(@provider_id, provider_message_id), last_error = @error,
                next_attempt_at = coalesce(@retry_at, next_attempt_at),
                sent_at = case when @status = 'sent' then now() else sent_at end, claimed_by = null
            where id = @id and claimed_by = @worker and status = 'sending'
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("worker", workerId);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("provider_id", (object?)providerMessageId ?? DBNull.Value);
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("retry_at", (object?)retryAt?.ToUniversalTime() ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
