using Npgsql;

namespace Booking.Data.Offer;

/// <summary>A schedule change being saved for a clinic, in progress until an instant.</summary>
public sealed record PendingScheduleChange(Guid ChangeId, DateTimeOffset Until);

/// <summary>
/// Marks a clinic while a change to its schedule is being saved (columns of <c>locations</c>). One change at a time
/// per clinic; a clinic-day that wakes up meanwhile sees the mark and offers nothing until it is told the outcome, so
/// no clinic-day can book a slot the change removes between the check and the commit. A mark left by a staff site that
/// died runs out by itself.
/// </summary>
public sealed class ScheduleChangeMarks(NpgsqlDataSource dataSource)
{
    /// <returns>The mark, or null when another change of this clinic is under way.</returns>
    public async Task<PendingScheduleChange?> TryMarkAsync(Guid locationId, Guid changeId, TimeSpan lasting, CancellationToken cancellationToken = default)
    {
        const string sql = """
            update locations set schedule_change_id = @change, schedule_change_until = now() + @lasting
            where id = @location and (schedule_change_until is null or schedule_change_until <= now())
            returning schedule_change_until
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("change", changeId);
        command.Parameters.AddWithValue("lasting", lasting);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime until
            ? new PendingScheduleChange(changeId, new DateTimeOffset(until, TimeSpan.Zero))
            : null;
    }

    /// <summary>Removes this change's mark (never another's).</summary>
    public async Task ClearAsync(Guid locationId, Guid changeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ClearAsync(connection, null, locationId, changeId, cancellationToken);
    }

    public static async Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid locationId, Guid changeId,
        CancellationToken cancellationToken)
    {
        const string sql = """
            update locations set schedule_change_id = null, schedule_change_until = null
            where id = @location and schedule_change_id = @change
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("change", changeId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The change under way for a clinic, if any.</summary>
    public async Task<PendingScheduleChange?> PendingAsync(Guid locationId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select schedule_change_id, schedule_change_until from locations
            where id = @location and schedule_change_until > now()
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PendingScheduleChange(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }
}
