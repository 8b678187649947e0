using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Access;

namespace Booking.Admin.Tests;

/// <summary>What a tenant administrator cannot do outside its scope, and what a person without the administrator's
/// role cannot do at all: no account of another tenant seen or changed, no role granted beyond what it may grant,
/// no administration page for a front desk; every refusal changes nothing and shows no account's data.</summary>
[Collection(AdminCollection.Name)]
public sealed class AdministrationAttackTests(AdminFixture fixture)
{
    private static readonly RoleGrant MontrealAdministrator = new(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion);

    private Task<long> ChangesOfAsync(Guid userId) =>
        fixture.Database.ScalarAsync<long>("""
            select (select count(*) from staff_account_audit where target_user_id = @id)
                 + (select count(*) from staff_notifications where staff_user_id = @id)
                 + (select count(*) from staff_users where id = @id and suspended_at is not null)
            """, ("id", userId));

    [Fact]
    public async Task An_administrator_of_one_region_neither_sees_nor_changes_an_account_of_another()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var quebec = await fixture.EnrolledAsync(DemoSeed.QuebecRegion);

        var page = await session.PageAsync($"staff/{quebec.Id}");
        var list = await session.PageAsync("staff");
        var suspend = await session.PostFormAsync($"staff/{quebec.Id}", "suspend", tokenPage: "staff");
        var grant = await session.PostFormAsync($"staff/{quebec.Id}", "grant-role", tokenPage: "staff",
            [new("Grant.Role", nameof(StaffRole.ContactCentreAgent)), new("Grant.Tenant", DemoSeed.MontrealRegion.ToString())]);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain(quebec.Email, page.Html);
        Assert.DoesNotContain(quebec.Email, list.Html);
        Assert.Equal(HttpStatusCode.NotFound, suspend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode);
        Assert.DoesNotContain(quebec.Email, await suspend.Content.ReadAsStringAsync());
        Assert.Equal(0L, await ChangesOfAsync(quebec.Id));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_role_assignments where user_id = @id", ("id", quebec.Id)));
    }

    [Fact]
    public async Task An_administrator_cannot_create_an_account_in_another_region()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var email = $"intrus-{Guid.NewGuid():N}@test.example";

        var form = await session.PageAsync("staff/new");
        var refused = await session.PostFormAsync("staff/new", "create-account", tokenPage: "staff/new", [
            new("Input.Email", email), new("Input.Name", "Intrus"), new("Input.Language", "fr"), new("Input.Tenant", DemoSeed.QuebecRegion.ToString())]);

        Assert.DoesNotContain("Capitale-Nationale", form.Html);
        Assert.Contains("dépasse ce que vous pouvez attribuer", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_users where email = @email", ("email", email)));
    }

    public static TheoryData<string, StaffRole, string, string?, string> GrantsBeyondScope() => new()
    {
        { "over the ministry, above the region", StaffRole.ContactCentreAgent, "a0000000-0000-4000-8000-000000000000", null, "BeyondScope" },
        { "the platform-operator role", StaffRole.PlatformOperator, "a0000000-0000-4000-8000-000000000001", null, "BeyondScope" },
        { "over another region", StaffRole.ContactCentreAgent, "a0000000-0000-4000-8000-000000000002", null, "BeyondScope" },
        { "at another region's clinic", StaffRole.FrontDesk, "a0000000-0000-4000-8000-000000000001", "10000000-0000-4000-8000-000000000005", "WrongClinics" },
        { "at a clinic that does not exist", StaffRole.FrontDesk, "a0000000-0000-4000-8000-000000000001", "10000000-0000-4000-8000-000000000099", "WrongClinics" },
        { "with a clinic that is not one", StaffRole.FrontDesk, "a0000000-0000-4000-8000-000000000001", "not-a-clinic", "InvalidInput" },
    };

    [Theory]
    [MemberData(nameof(GrantsBeyondScope))]
    public async Task An_administrator_cannot_grant_a_role_beyond_its_scope(string what, StaffRole role, string tenant, string? clinic, string outcome)
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);
        List<KeyValuePair<string, string>> fields = [new("Grant.Role", role.ToString()), new("Grant.Tenant", tenant)];
        if (clinic is not null)
            fields.Add(new("clinic", clinic));

        var refused = await session.PostFormAsync($"staff/{member.Id}", "grant-role", tokenPage: $"staff/{member.Id}", fields);

        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, what);
        Assert.Contains($"data-outcome=\"{outcome}\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_role_assignments where user_id = @id", ("id", member.Id)));
        Assert.Equal(0L, await ChangesOfAsync(member.Id));
    }

    [Fact]
    public async Task A_regional_administrator_cannot_touch_an_operator_of_its_region()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var operatorAccount = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.PlatformOperator, DemoSeed.MontrealRegion));

        var refused = await session.SubmitAsync($"staff/{operatorAccount.Id}", "suspend", []);

        Assert.Contains("data-outcome=\"BeyondScope\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0L, await ChangesOfAsync(operatorAccount.Id));
    }

    [Fact]
    public async Task A_front_desk_reaches_no_administration_page_and_no_action()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique));
        using var _ = session;
        var colleague = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);

        foreach (var page in new[] { "staff", "staff/new", $"staff/{colleague.Id}", "staff/sign-ins" })
        {
            var (status, html) = await session.PageAsync(page);
            Assert.True(status == HttpStatusCode.Forbidden, $"/{page}: {status}");
            Assert.DoesNotContain(colleague.Email, html);
        }
        var suspend = await session.PostFormAsync($"staff/{colleague.Id}", "suspend", tokenPage: "bookings");

        Assert.Equal(HttpStatusCode.Forbidden, suspend.StatusCode);
        Assert.Equal(0L, await ChangesOfAsync(colleague.Id));
    }
}
