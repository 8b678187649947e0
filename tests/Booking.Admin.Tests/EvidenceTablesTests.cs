using Booking.Data.Demo;
using Npgsql;

namespace Booking.Admin.Tests;

/// <summary>The staff account audit and the sign-in log are evidence: the application's database role (the one the
/// admin host runs as) adds and reads rows, and can neither change nor remove one.</summary>
[Collection(AdminCollection.Name)]
public sealed class EvidenceTablesTests(AdminFixture fixture)
{
    [Theory]
    [InlineData("staff_account_audit")]
    [InlineData("staff_sign_in_log")]
    public async Task Rows_can_be_added_and_read_but_never_changed_or_removed(string table)
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var insert = table == "staff_account_audit"
            ? "insert into staff_account_audit (actor_id, target_user_id, tenant_id, action) values (@user, @user, @tenant, 'account_suspended') returning id"
            : "insert into staff_sign_in_log (user_id, attempted_name, step, outcome) values (@user, 'X', 'password', 'wrong_password') returning id";
        var id = await fixture.Database.ScalarAsync<long>(insert, ("user", member.Id), ("tenant", DemoSeed.MontrealRegion));

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>($"select count(*) from {table} where id = @id", ("id", id)));
        await AssertDeniedAsync($"update {table} set occurred_at = now() - interval '1 year' where id = {id}");
        await AssertDeniedAsync($"delete from {table} where id = {id}");
        await AssertDeniedAsync($"truncate {table}");
    }

    private async Task AssertDeniedAsync(string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => fixture.Database.ScalarAsync<object>(sql));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
