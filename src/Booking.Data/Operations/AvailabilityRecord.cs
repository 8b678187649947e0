using Dapper;
using Npgsql;

namespace Booking.Data.Operations;

/// <summary>The availability probes and incidents (migration 0080): written by the silos' probe, read by the monthly
/// report (<see cref="AvailabilityReport"/>).</summary>
public sealed class AvailabilityRecord(NpgsqlDataSource dataSource)
{
    /// <summary>The Québec month a report covers: minutes are counted from its first midnight to the next month's.</summary>
    public const string Zone = "America/Montreal";

    /// <summary>Records whether the service was ready in the minute of <paramref name="at"/>; the first probe of a minute
    /// keeps it (every silo probes).</summary>
    public async Task RecordAsync(DateTimeOffset at, bool ready, string recordedBy, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into availability_probes (minute, ready, recorded_by) values (date_trunc('minute', @at), @ready, @recordedBy)
            on conflict (minute) do nothing
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { at, ready, recordedBy }, cancellationToken: cancellationToken));
    }

    public async Task<AvailabilityReport> ReportAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        // Every minute of the month (Québec time), each either inside a planned outage, or probed ready, or not. Its
        // bounds are Québec midnights, the next month's found on the local calendar: a month added to a timestamptz
        // would use the session's time zone and miss the hour that summer time gives back.
        const string minutesSql = """
            with bounds as (
                select make_timestamp(@year, @month, 1, 0, 0, 0) at time zone @zone as first,
                       (make_timestamp(@year, @month, 1, 0, 0, 0) + interval '1 month') at time zone @zone as next
            ), minutes as (
                select m as minute,
                       exists (select from incidents i where i.planned and i.started_at <= m
                                                        and coalesce(i.restored_at, 'infinity') > m) as planned
                from bounds, generate_series(bounds.first, bounds.next - interval '1 minute', interval '1 minute') m
            )
            select count(*)::int as minutes,
                   count(*) filter (where planned)::int as plannedMinutes,
                   count(*) filter (where not planned and p.ready)::int as readyMinutes,
                   count(*) filter (where not planned and not p.ready)::int as notReadyMinutes,
                   count(*) filter (where not planned and p.minute is null)::int as unprobedMinutes
            from minutes left join availability_probes p using (minute)
            """;
        const string incidentsSql = """
            select id, started_at as startedAt, restored_at as restoredAt, severity, planned, summary
            from incidents
            where started_at < (make_timestamp(@year, @month, 1, 0, 0, 0) + interval '1 month') at time zone @zone
              and coalesce(restored_at, 'infinity') > make_timestamp(@year, @month, 1, 0, 0, 0) at time zone @zone
            order by started_at, id
            """;
        var parameters = new { year = month.Year, month = month.Month, zone = Zone };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var minutes = await connection.QuerySingleAsync<MinuteCounts>(new CommandDefinition(minutesSql, parameters, cancellationToken: cancellationToken));
        var incidents = await connection.QueryAsync<Incident>(new CommandDefinition(incidentsSql, parameters, cancellationToken: cancellationToken));
        return new AvailabilityReport(month, minutes, incidents.ToList());
    }
}

public sealed record MinuteCounts(int Minutes, int PlannedMinutes, int ReadyMinutes, int NotReadyMinutes, int UnprobedMinutes);

/// <summary>An incident; its times in UTC.</summary>
public sealed record Incident(long Id, DateTime StartedAt, DateTime? RestoredAt, string Severity, bool Planned, string Summary)
{
    public TimeSpan? TimeToRestore => RestoredAt - StartedAt;
}
