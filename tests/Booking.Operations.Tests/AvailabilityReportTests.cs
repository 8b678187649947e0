using Booking.Data.Operations;
using Booking.Testing;
using Npgsql;

namespace Booking.Operations.Tests;

/// <summary>
/// <c>Booking.Tool availability-report</c> over seeded probes and incidents. November 2026 in Québec has 43 260 minutes
/// (summer time ended on its first day); in it, 30 minutes not ready (a critical incident restored in 30 min), 15 without
/// a probe (a moderate one restored in 15 min), and a planned 2-hour window (not ready, excluded). October 2026 loses
/// 240 minutes: under 99.5 %.
/// </summary>
public sealed class AvailabilityReportTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var seed = _database.DataSource.CreateCommand("""
            insert into availability_probes (minute, ready, recorded_by)
            select m, not (m >= '2026-11-03 19:00Z' and m < '2026-11-03 19:30Z')
                      and not (m >= '2026-11-20 07:00Z' and m < '2026-11-20 09:00Z')
                      and not (m >= '2026-10-14 16:00Z' and m < '2026-10-14 20:00Z'), 'test'
            from generate_series(timestamptz '2026-10-01 04:00Z', timestamptz '2026-12-01 04:59Z', interval '1 minute') m
            where not (m >= '2026-11-10 08:00Z' and m < '2026-11-10 08:15Z');
            insert into incidents (started_at, restored_at, severity, planned, summary) values
                ('2026-11-03 19:00Z', '2026-11-03 19:30Z', 'critical', false, 'Database failover'),
                ('2026-11-10 08:00Z', '2026-11-10 08:15Z', 'moderate', false, 'Silos restarted'),
                ('2026-11-20 07:00Z', '2026-11-20 09:00Z', 'minor', true, 'PostgreSQL upgrade'),
                ('2026-10-14 16:00Z', '2026-10-14 20:00Z', 'important', false, 'Region network outage');
            """);
        await seed.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_month_s_uptime_counts_unprobed_minutes_as_down_and_leaves_planned_outages_out()
    {
        var (exitCode, output) = await RunReport("2026-11");

        Assert.Equal(0, exitCode);
        Assert.Contains("minutes: 43260, planned outages: 120, counted: 43140", output);
        Assert.Contains("ready: 43095, not ready: 30, without a probe: 15", output);
        Assert.Contains("uptime: 99.896 % (objective met; downtime 45 min)", output);
        Assert.Contains("incidents: 2 unplanned, 1 planned", output);
        Assert.Contains("2026-11-03 19:00Z to 2026-11-03 19:30Z, restored in 30 min, critical: Database failover", output);
        Assert.Contains("time to restore: mean 22.5 min, longest 30 min", output);
    }

    [Fact]
    public async Task A_month_under_the_objective_is_reported_missed_with_exit_code_1()
    {
        var (exitCode, output) = await RunReport("2026-10");

        Assert.Equal(1, exitCode);
        Assert.Contains("uptime: 99.462 % (objective missed; downtime 240 min)", output);
        Assert.Contains("time to restore: mean 240 min, longest 240 min", output);
    }

    [Fact]
    public async Task A_closed_incident_cannot_be_changed_nor_removed()
    {
        await using var change = _database.DataSource.CreateCommand("update incidents set restored_at = started_at + interval '1 minute' where severity = 'critical'");
        await using var remove = _database.DataSource.CreateCommand("delete from incidents where severity = 'critical'");

        Assert.Equal("P0001", (await Assert.ThrowsAsync<PostgresException>(() => change.ExecuteNonQueryAsync())).SqlState);
        Assert.Equal("P0001", (await Assert.ThrowsAsync<PostgresException>(() => remove.ExecuteNonQueryAsync())).SqlState);
    }

    [Fact]
    public async Task The_first_probe_of_a_minute_is_kept()
    {
        var record = new AvailabilityRecord(_database.DataSource);
        var at = new DateTimeOffset(2027, 1, 5, 12, 30, 10, TimeSpan.Zero);

        await record.RecordAsync(at, ready: false, "silo-a");
        await record.RecordAsync(at.AddSeconds(20), ready: true, "silo-b");

        Assert.Equal("silo-a:False", await _database.ScalarAsync<string>(
            "select recorded_by || ':' || case when ready then 'True' else 'False' end from availability_probes where minute = '2027-01-05 12:30Z'"));
    }

    private async Task<(int ExitCode, string Output)> RunReport(string month)
    {
        using var tool = new HostProcess("Booking.Tool", new Dictionary<string, string?> { ["ConnectionStrings:Booking"] = _database.ConnectionString },
            "availability-report", "--month", month);
        tool.Start();
        var exitCode = await tool.ExitCodeAsync(TimeSpan.FromSeconds(60));
        // The output is read as it comes: wait for the last line, printed before the exit.
        await Poll.UntilAsync(() => Task.FromResult(tool.Output.Any(l => l.StartsWith("time to restore", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(5), "the report's last line");
        return (exitCode, string.Join('\n', tool.Output));
    }
}
