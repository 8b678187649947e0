using Booking.Data.Audit;
using Npgsql;

namespace Booking.Silo.Tests.AccessLog;

/// <summary>The personal-data access log's hash chain: sealed as written, verified, and broken at the right place by a
/// change or removal made with the owner's rights (a DBA, or a stolen owner login).</summary>
public class AccessLogChainTests
{
    [Fact]
    public async Task Rows_sealed_in_order_verify_from_the_start()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);

        var sealedRows = await log.SealAllAsync();

        Assert.Equal(5, sealedRows);
        Assert.Equal(new AccessLogVerification.Intact(5, 1, 5, 0), await log.Verifier.VerifyAsync());
        Assert.Equal(5, (await log.Chain.HeadAsync()).Position);
    }

    [Fact]
    public async Task A_row_changed_by_the_owner_is_found_at_its_place()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);
        await log.SealAllAsync();

        await log.AsOwnerAsync("update personal_data_access_log set actor = 'staff:someone-else' where chain_position = 3");

        var broken = Assert.IsType<AccessLogVerification.Broken>(await log.Verifier.VerifyAsync());
        Assert.Equal(3, broken.Position);
        Assert.Contains("changed", broken.Reason);
    }

    [Fact]
    public async Task A_row_changed_with_its_hash_recomputed_is_found_at_the_next_row()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);
        await log.SealAllAsync();

        await log.AsOwnerAsync("""
            update personal_data_access_log set actor = 'staff:someone-else' where chain_position = 3;
            update personal_data_access_log l set row_hash = personal_data_access_log_row_hash(l.previous_hash, personal_data_access_log_content(l)) where chain_position = 3;
            """);

        var broken = Assert.IsType<AccessLogVerification.Broken>(await log.Verifier.VerifyAsync());
        Assert.Equal(4, broken.Position);
        Assert.Contains("previous hash is not the hash of position 3", broken.Reason);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(1, 2)]
    public async Task A_row_removed_by_the_owner_is_found_at_the_row_after_it(int removed, int foundAt)
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);
        await log.SealAllAsync();

        await log.AsOwnerAsync($"delete from personal_data_access_log where chain_position = {removed}");

        var broken = Assert.IsType<AccessLogVerification.Broken>(await log.Verifier.VerifyAsync());
        Assert.Equal(foundAt, broken.Position);
        Assert.Contains($"from position {removed} to {removed} are missing", broken.Reason);
    }

    [Fact]
    public async Task Rows_written_by_many_connections_while_several_sealers_run_form_one_unbroken_chain()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        using var writing = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => log.RecordAsync(50))).ToList();
        var sealers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
                await log.Chain.SealAsync();
        })).ToList();

        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(sealers);
        await log.SealAllAsync();

        Assert.Equal(new AccessLogVerification.Intact(400, 1, 400, 0), await log.Verifier.VerifyAsync());
    }

    [Fact]
    public async Task The_application_role_can_neither_change_nor_remove_a_row_nor_write_the_chain_or_the_time()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(1);
        await log.SealAllAsync();

        await AssertDenied(log, "update personal_data_access_log set actor = 'staff:someone-else'");
        await AssertDenied(log, "update personal_data_access_log set row_hash = null, previous_hash = null, chain_position = null");
        await AssertDenied(log, "delete from personal_data_access_log");
        await AssertDenied(log, "truncate personal_data_access_log");
        await AssertDenied(log, """
            insert into personal_data_access_log (actor, access, table_name, record_id, program, chain_position, previous_hash, row_hash)
            values ('staff:test', 'read', 'bookings', gen_random_uuid(), 'AccessLogTests', 2, '\x00', '\x00')
            """);
        await AssertDenied(log, """
            insert into personal_data_access_log (actor, access, table_name, record_id, program, occurred_at)
            values ('staff:test', 'read', 'bookings', gen_random_uuid(), 'AccessLogTests', now() - interval '2 years')
            """);
        await AssertDenied(log, "insert into personal_data_access_log_anchors (purged_before, rows_purged, chain_position, row_hash) values (now(), 1, 1, '\\x00')");
        await AssertDenied(log, "delete from personal_data_access_log_anchors");
        Assert.Equal(new AccessLogVerification.Intact(1, 1, 1, 0), await log.Verifier.VerifyAsync());
    }

    private static async Task AssertDenied(AccessLogDatabase log, string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => log.Database.ScalarAsync<object?>(sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
