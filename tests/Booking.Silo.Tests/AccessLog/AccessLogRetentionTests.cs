using Booking.Data.Audit;
using Booking.Silo.Audit;
using Booking.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Booking.Silo.Tests.AccessLog;

/// <summary>The retention purge removes exactly the access records past retention, leaves an anchor the remaining chain
/// verifies from, and cannot be asked for less than the 12 months the ministry's directive requires.</summary>
public class AccessLogRetentionTests
{
    [Fact]
    public async Task The_purge_removes_exactly_the_rows_past_retention_and_the_chain_still_verifies()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await WrittenMonthsAgoAsync(log, 13, rows: 3);
        await WrittenMonthsAgoAsync(log, 11, rows: 2);
        await log.RecordAsync(2);
        await log.SealAllAsync();

        var purge = await log.Retention.PurgeAsync(12);

        Assert.Equal(new AccessLogPurge(3, 3), purge);
        Assert.Equal(0, await log.CountAsync("occurred_at < now() - interval '12 months'"));
        Assert.Equal(4, await log.CountAsync());
        Assert.Equal(new AccessLogVerification.Intact(4, 4, 7, 0), await log.Verifier.VerifyAsync());
    }

    [Fact]
    public async Task After_a_purge_the_chain_goes_on_from_its_anchor_and_a_longer_retention_keeps_more()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await WrittenMonthsAgoAsync(log, 25, rows: 1);
        await WrittenMonthsAgoAsync(log, 13, rows: 2);
        await log.SealAllAsync();

        var longer = await log.Retention.PurgeAsync(24);
        var everything = await log.Retention.PurgeAsync(12);
        var again = await log.Retention.PurgeAsync(12);
        await log.RecordAsync(2);
        await log.SealAllAsync();

        Assert.Equal([new AccessLogPurge(1, 1), new AccessLogPurge(2, 3), new AccessLogPurge(0, null)], [longer, everything, again]);
        Assert.Equal(new AccessLogVerification.Intact(2, 4, 5, 0), await log.Verifier.VerifyAsync());
        Assert.Equal(2, await log.Database.ScalarAsync<long>("select count(*) from personal_data_access_log_anchors"));
    }

    [Fact]
    public async Task A_retention_under_twelve_months_is_refused_by_the_database()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await WrittenMonthsAgoAsync(log, 13, rows: 1);
        await log.SealAllAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            log.Database.ScalarAsync<object?>("select purge_personal_data_access_log(interval '11 months')"));

        Assert.Equal(PostgresErrorCodes.RaiseException, refused.SqlState);
        Assert.Equal(1, await log.CountAsync());
    }

    [Fact]
    public async Task The_silos_maintenance_seals_new_rows_and_purges_old_ones()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await WrittenMonthsAgoAsync(log, 14, rows: 2);
        await log.RecordAsync(3);
        var maintenance = new AccessLogMaintenance(log.Chain, log.Retention,
            Options.Create(new AccessLogOptions { SealInterval = TimeSpan.FromMilliseconds(100) }), TestClock.Provider, NullLogger<AccessLogMaintenance>.Instance);

        await maintenance.StartAsync(CancellationToken.None);
        try
        {
            await Poll.UntilAsync(async () => await log.UnsealedAsync() == 0 && await log.CountAsync() == 3,
                TimeSpan.FromSeconds(10), "the rows to be sealed and the old ones purged");
            await log.RecordAsync(1);
            await Poll.UntilAsync(async () => await log.UnsealedAsync() == 0, TimeSpan.FromSeconds(10), "the new row to be sealed");
        }
        finally
        {
            await maintenance.StopAsync(CancellationToken.None);
        }

        Assert.Equal(new AccessLogVerification.Intact(4, 3, 6, 0), await log.Verifier.VerifyAsync());
    }

    /// <summary>Records written long ago (only the owner can set the time: the application role's rows get the database's).</summary>
    private static Task WrittenMonthsAgoAsync(AccessLogDatabase log, int months, int rows) => log.AsOwnerAsync($"""
        insert into personal_data_access_log (occurred_at, actor, access, table_name, record_id, program)
        select now() - interval '{months} months', 'staff:test', 'read', 'bookings', gen_random_uuid(), 'AccessLogTests'
        from generate_series(1, {rows})
        """);
}
