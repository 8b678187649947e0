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

        await log.AsOwnerAsync($"update personal_data_access_log set actor = 'staff:someone-else' where id = {await log.RowAtAsync(3)}");

        var broken = Assert.IsType<AccessLogVerification.Broken>(await log.Verifier.VerifyAsync());
        Assert.Equal(3, broken.Position);
        Assert.Contains("the row was changed", broken.Reason);
    }

    [Fact]
    public async Task A_row_changed_with_its_hash_recomputed_is_found_at_the_next_row()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);
        await log.SealAllAsync();

        await log.AsOwnerAsync($"""
            update personal_data_access_log set actor = 'staff:someone-else' where id = {await log.RowAtAsync(3)};
            update personal_data_access_log_seals s
            set row_hashes[3] = personal_data_access_log_row_hash(s.row_hashes[2], (select personal_data_access_log_content(l) from personal_data_access_log l where l.id = s.row_ids[3]))
            where s.first_position = 1;
            """);

        var broken = Assert.IsType<AccessLogVerification.Broken>(await log.Verifier.VerifyAsync());
        Assert.Equal(4, broken.Position);
        Assert.Contains("the hash of position 3 no longer give its hash", broken.Reason);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task A_row_removed_by_the_owner_is_found_at_its_place(int removed)
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);
        await log.SealAllAsync();
        var removedRow = await log.RowAtAsync(removed);

        await log.AsOwnerAsync($"delete from personal_data_access_log where id = {removedRow}");

        var broken = Assert.IsType<AccessLogVerification.Broken>(await log.Verifier.VerifyAsync());
        Assert.Equal(new AccessLogVerification.Broken(removed, removedRow, null, "the row sealed at this place is missing: it was removed"), broken);
    }

    [Fact]
    public async Task A_seal_removed_by_the_owner_leaves_its_places_missing()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await log.RecordAsync(2);
            await log.SealAllAsync();
        }

        await log.AsOwnerAsync("delete from personal_data_access_log_seals where first_position = 3");

        var broken = Assert.IsType<AccessLogVerification.Broken>(await log.Verifier.VerifyAsync());
        Assert.Equal(5, broken.Position);
        Assert.Contains("places from 3 to 4 are missing", broken.Reason);
    }

    [Fact]
    public async Task Sealing_changes_no_row_of_the_log()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);
        var versionsBefore = await log.Database.ScalarAsync<string>("select string_agg(xmin::text || ctid::text, ',' order by id) from personal_data_access_log");

        await log.SealAllAsync();

        Assert.Equal(versionsBefore, await log.Database.ScalarAsync<string>("select string_agg(xmin::text || ctid::text, ',' order by id) from personal_data_access_log"));
        Assert.Equal(0, await log.UnsealedAsync());
    }

    [Fact]
    public async Task A_row_whose_transaction_began_before_a_seal_and_committed_after_it_is_sealed_by_the_next()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await using var late = await log.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await late.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            insert into personal_data_access_log (actor, access, table_name, record_id, program)
            values ('staff:late', 'read', 'bookings', gen_random_uuid(), 'AccessLogTests')
            """, late, transaction))
            await insert.ExecuteNonQueryAsync();
        await log.RecordAsync(3);

        var sealedWhileOpen = await log.SealAllAsync();
        await transaction.CommitAsync();
        var sealedAfter = await log.SealAllAsync();

        Assert.Equal((3, 1), (sealedWhileOpen, sealedAfter));
        Assert.Equal("staff:late", await log.Database.ScalarAsync<string>($"select actor from personal_data_access_log where id = {await log.RowAtAsync(4)}"));
        Assert.Equal(new AccessLogVerification.Intact(4, 1, 4, 0), await log.Verifier.VerifyAsync());
    }

    [Fact]
    public async Task Seals_smaller_than_the_rows_waiting_take_them_all_in_turn()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(5);

        var sealedEachTime = new List<long>();
        for (var i = 0; i < 4; i++)
            sealedEachTime.Add(await log.Database.ScalarAsync<long>("select seal_personal_data_access_log(2)"));

        Assert.Equal([2, 2, 1, 0], sealedEachTime);
        Assert.Equal(new AccessLogVerification.Intact(5, 1, 5, 0), await log.Verifier.VerifyAsync());
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
    public async Task The_application_role_can_neither_change_nor_remove_a_row_nor_write_the_seals_the_writer_or_the_time()
    {
        await using var log = await AccessLogDatabase.CreateAsync();
        await log.RecordAsync(1);
        await log.SealAllAsync();

        await AssertDenied(log, "update personal_data_access_log set actor = 'staff:someone-else'");
        await AssertDenied(log, "update personal_data_access_log set written_by = '1'");
        await AssertDenied(log, "delete from personal_data_access_log");
        await AssertDenied(log, "truncate personal_data_access_log");
        // A row naming an old writer would fall behind the sealer's horizon and never be sealed.
        await AssertDenied(log, """
            insert into personal_data_access_log (actor, access, table_name, record_id, program, written_by)
            values ('staff:test', 'read', 'bookings', gen_random_uuid(), 'AccessLogTests', '1')
            """);
        await AssertDenied(log, "update personal_data_access_log_seals set row_hashes = row_hashes");
        await AssertDenied(log, "delete from personal_data_access_log_seals");
        await AssertDenied(log, "insert into personal_data_access_log_seals (first_position, row_ids, row_hashes, horizon) values (2, '{1}', array[''::bytea], '0')");
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
