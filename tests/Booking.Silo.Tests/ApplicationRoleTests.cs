using Booking.Data.Infrastructure;
using Booking.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Booking.Silo.Tests;

/// <summary>The role every host connects as reads and writes rows and nothing more: a compromised host cannot rewrite
/// the access log, change the schema or reach the database server's files and programs.</summary>
[Collection(ClusterCollection.Name)]
public class ApplicationRoleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_hosts_role_is_neither_superuser_nor_owner_of_anything()
    {
        Assert.Equal(ApplicationRoleGrants.Role, await fixture.Database.ScalarAsync<string>("select current_user"));
        Assert.False(await fixture.Database.ScalarAsync<bool>(
            "select rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls from pg_roles where rolname = current_user"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and pg_has_role(current_user, c.relowner, 'usage')
            """));
        await AssertDenied("create table intruder (id int)");
        await AssertDenied("alter table bookings add column intruder int");
    }

    [Fact]
    public async Task An_access_log_entry_can_be_added_and_read_but_not_changed_or_removed()
    {
        var id = await fixture.Database.ScalarAsync<long>("""
            insert into personal_data_access_log (actor, access, table_name, record_id, program)
            values ('staff:test', 'read', 'bookings', @record, 'ApplicationRoleTests') returning id
            """, ("record", Guid.NewGuid()));

        await AssertDenied($"update personal_data_access_log set actor = 'someone else' where id = {id}");
        await AssertDenied($"delete from personal_data_access_log where id = {id}");
        await AssertDenied("truncate personal_data_access_log");
        Assert.Equal("staff:test", await fixture.Database.ScalarAsync<string>("select actor from personal_data_access_log where id = @id", ("id", id)));
    }

    [Fact]
    public async Task The_servers_programs_and_files_are_out_of_reach()
    {
        Assert.False(await fixture.Database.ScalarAsync<bool>("""
            select pg_has_role(current_user, 'pg_execute_server_program', 'usage')
                or pg_has_role(current_user, 'pg_write_server_files', 'usage')
                or pg_has_role(current_user, 'pg_read_server_files', 'usage')
            """));
        await AssertDenied("copy (select 1) to program 'id'");
        await AssertDenied("copy (select 1) to '/tmp/booking-application-role-probe'");
        await AssertDenied("select pg_read_file('/etc/passwd')");
    }

    [Fact]
    public async Task The_queries_Orleans_runs_and_the_migration_history_are_read_only()
    {
        Assert.True(await fixture.Database.ScalarAsync<long>("select count(*) from orleansquery") > 0);
        await AssertDenied("update orleansquery set querytext = 'select 1'");
        await AssertDenied("delete from schema_migrations");
    }

    [Fact]
    public async Task A_table_a_later_migration_creates_is_the_hosts_to_read_and_write()
    {
        await AsOwner("create table later_migration_probe (id int generated always as identity primary key, note text not null)");
        try
        {
            var id = await fixture.Database.ScalarAsync<int>("insert into later_migration_probe (note) values ('written') returning id");
            await fixture.Database.ScalarAsync<object?>("update later_migration_probe set note = 'rewritten' where id = @id", ("id", id));
            Assert.Equal("rewritten", await fixture.Database.ScalarAsync<string>("select note from later_migration_probe where id = @id", ("id", id)));
            await fixture.Database.ScalarAsync<object?>("delete from later_migration_probe where id = @id", ("id", id));
        }
        finally
        {
            await AsOwner("drop table later_migration_probe");
        }
    }

    [Fact]
    public async Task Migrating_again_gives_back_a_grant_taken_away()
    {
        await AsOwner("create table regrant_probe (id int primary key)");
        try
        {
            await AsOwner($"revoke all on regrant_probe from {ApplicationRoleGrants.Role}");
            await AssertDenied("select count(*) from regrant_probe");

            await new MigrationRunner(fixture.Database.MigrationsConnectionString, NullLogger<MigrationRunner>.Instance).ApplyAsync();

            Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from regrant_probe"));
        }
        finally
        {
            await AsOwner("drop table regrant_probe");
        }
    }

    private async Task AssertDenied(string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => fixture.Database.ScalarAsync<object?>(sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private async Task AsOwner(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.MigrationsConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
