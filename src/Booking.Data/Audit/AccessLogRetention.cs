using Npgsql;

namespace Booking.Data.Audit;

/// <summary>What one retention purge removed: how many rows, and the chain's place up to which it removed them (the
/// anchor the rest of the chain is verified from).</summary>
public sealed record AccessLogPurge(long RowsPurged, long? PurgedThrough);

/// <summary>
/// Removes access-log rows past retention while keeping the chain verifiable: the owner's function removes only the
/// chain's oldest rows and records the last one's place and hash as an anchor. It refuses a retention under the 12
/// months the ministry's directive requires, so the application role cannot empty the log through it.
/// </summary>
public sealed class AccessLogRetention(NpgsqlDataSource dataSource)
{
    /// <summary>Also enforced by the database function, whoever calls it.</summary>
    public const int MinimumMonths = 12;

    public async Task<AccessLogPurge> PurgeAsync(int retentionMonths, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select rows_purged, purged_through from purge_personal_data_access_log(make_interval(months => @months))");
        command.Parameters.AddWithValue("months", retentionMonths);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new AccessLogPurge(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }
}
