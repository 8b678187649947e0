using System.Net;
using Booking.Staff.Access;
using Npgsql;

namespace Booking.Staff.SignIns;

/// <summary>Every staff sign-in attempt (<c>staff_sign_in_log</c>), and the page of it a tenant's administrators read:
/// the attempts on their staff's accounts, newest first.</summary>
public sealed class StaffSignInLog(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(SignInAttempt attempt, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into staff_sign_in_log (user_id, attempted_name, source_ip, step, outcome)
            values (@user, @name, @ip, @step, @outcome)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("user", (object?)attempt.UserId ?? DBNull.Value);
        command.Parameters.AddWithValue("name", attempt.AttemptedName);
        command.Parameters.AddWithValue("ip", (object?)attempt.SourceIp ?? DBNull.Value);
        command.Parameters.AddWithValue("step", DatabaseNames.Of(attempt.Step));
        command.Parameters.AddWithValue("outcome", DatabaseNames.Of(attempt.Outcome));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="size"/> attempts on accounts of the tenants where <paramref name="viewerId"/> may
    /// read the log, older than entry <paramref name="before"/> when given (the next page), newest first.</summary>
    public async Task<IReadOnlyList<SignInLogEntry>> PageAsync(Guid viewerId, long? before, int size, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Tenants("visible")}
            select g.id, g.occurred_at, g.user_id, u.display_name, g.attempted_name, g.source_ip, g.step, g.outcome
            from staff_sign_in_log g join staff_users u on u.id = g.user_id
            where u.tenant_id in (select id from visible) and (@before::bigint is null or g.id < @before)
            order by g.id desc
            limit @size
            """;
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, viewerId, StaffPermission.ViewSignInLog);
        command.Parameters.AddWithValue("before", (object?)before ?? DBNull.Value);
        command.Parameters.AddWithValue("size", size);
        var entries = new List<SignInLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new SignInLogEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2), reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<IPAddress>(5),
                DatabaseNames.Parse<SignInStage>(reader.GetString(6)), DatabaseNames.Parse<SignInOutcome>(reader.GetString(7))));
        return entries;
    }
}
