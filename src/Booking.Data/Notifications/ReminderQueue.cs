using Npgsql;

namespace Booking.Data.Notifications;

/// <summary>Turns due reminders into outbox messages. The reminder rows themselves are written with the booking
/// (and cancelled or replaced with it), so a reminder survives any restart and never outlives its booking.</summary>
public sealed class ReminderQueue(NpgsqlDataSource dataSource)
{
    /// <returns>How many reminders came due (each became one message unless its booking was cancelled meanwhile).</returns>
    public async Task<int> FireDueAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with due as (
                select id from reminders where status = 'pending' and due_at <= @now
                order by due_at limit @batch
                for update skip locked),
            fired as (
                update reminders r set status = 'fired' from due where r.id = due.id
                returning r.booking_id),
            notified as (
                insert into notifications (id, tenant_id, booking_id, kind, category)
                select gen_random_uuid(), b.tenant_id, b.id, 'Reminder', 'transactional'
                from fired f join bookings b on b.id = f.booking_id where b.status = 'confirmed')
            select count(*) from fired
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("batch", batchSize);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
