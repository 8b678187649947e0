using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Staff.Demo;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests;

/// <summary>The demo's staff: every role held by someone, each account created once, its roles given again to an
/// account that exists, and the list the run command prints.</summary>
[Collection(AdminCollection.Name)]
public sealed class DemoStaffAccountsTests(AdminFixture fixture)
{
    private async Task<DemoStaffAccounts> DemoAsync(Func<DemoStaffAccounts, Task> act)
    {
        using var scope = fixture.Services.CreateScope();
        var demo = new DemoStaffAccounts(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), new DemoStaffRoles(fixture.Database.DataSource));
        await act(demo);
        return demo;
    }

    [Fact]
    public async Task Every_role_is_held_by_a_demo_account_and_a_second_run_changes_nothing()
    {
        await DemoAsync(demo => demo.EnsureAsync());
        var emails = DemoStaffAccounts.Accounts.Select(a => a.Email).ToArray();
        var before = await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_role_assignments r join staff_users u on u.id = r.user_id where u.email = any(@emails)", ("emails", emails));

        IReadOnlyList<string> created = [];
        IReadOnlyList<string> lines = [];
        await DemoAsync(async demo => { created = await demo.EnsureAsync(); lines = await demo.DescribeAsync(); });

        Assert.Empty(created);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_role_assignments r join staff_users u on u.id = r.user_id where u.email = any(@emails)", ("emails", emails)));
        Assert.Equal(Enum.GetValues<StaffRole>().Length, await fixture.Database.ScalarAsync<long>(
            "select count(distinct r.role) from staff_role_assignments r join staff_users u on u.id = r.user_id where u.email = any(@emails)", ("emails", emails)));
        Assert.Equal(emails.Length, lines.Count);
        Assert.Contains(lines, line => line.StartsWith("sophie.lavoie@montreal.demo.example", StringComparison.Ordinal) && line.EndsWith("front desk, CIUSSS du Centre-Sud-de-l'Île-de-Montréal (démo) (Stade olympique)", StringComparison.Ordinal));
    }
}
