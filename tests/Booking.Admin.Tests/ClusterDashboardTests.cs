using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;

namespace Booking.Admin.Tests;

/// <summary>The staff site with the cluster dashboard on, as an Orleans client of the fixture's real silo (the silo's own
/// setup, which adds the dashboard's side).</summary>
public sealed class ClusterDashboardFixture : AdminFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["ClusterDashboard:Enabled"] = "true" };
}

/// <summary>The dashboard shows the platform's inner workings: platform operators only, after both factors. Every other
/// role, whatever its tenant, gets 403; a visitor without a session is sent to sign in, for the page and its data.</summary>
public sealed class ClusterDashboardTests(ClusterDashboardFixture fixture) : IClassFixture<ClusterDashboardFixture>
{
    private static readonly string[] Addresses =
        ["operations/cluster/", "operations/cluster/index.min.js", "operations/cluster/ClusterStats", "operations/cluster/DashboardCounters", "operations/cluster/Reminders"];

    [Fact]
    public async Task A_platform_operator_sees_the_silos_of_the_cluster()
    {
        var (_, operatorSession) = await fixture.SignedInAsync(DemoSeed.Ministry, new RoleGrant(StaffRole.PlatformOperator, DemoSeed.Ministry));
        using var _ = operatorSession;

        var (page, html) = await operatorSession.PageAsync("operations/cluster/");
        var counters = await operatorSession.GetAsync("operations/cluster/DashboardCounters");

        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Contains("Orleans Dashboard", html);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Contains("\"totalActiveHostCount\":1", await counters.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_session_every_address_of_it_sends_to_sign_in()
    {
        using var anonymous = new StaffSession(fixture.SiteAddress);
        foreach (var address in Addresses)
        {
            var response = await anonymous.GetAsync(address);
            Assert.True(await anonymous.LandingAsync(response) == "/signin", $"{address}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(StaffRole.TenantAdministrator)]
    [InlineData(StaffRole.ClinicManager)]
    [InlineData(StaffRole.FrontDesk)]
    [InlineData(StaffRole.ContactCentreAgent)]
    [InlineData(StaffRole.MinistryAnalyst)]
    public async Task Every_other_role_gets_403_on_every_address_of_it(StaffRole role)
    {
        // At the top of the tenant tree: the widest reach each role can have, still not the cluster.
        var grant = StaffRolePermissions.IsLimitedToClinics(role)
            ? RoleGrant.At(role, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique)
            : new RoleGrant(role, DemoSeed.Ministry);
        var (_, session) = await fixture.SignedInAsync(grant.Tenant, grant);
        using var _ = session;

        foreach (var address in Addresses)
        {
            var response = await session.GetAsync(address);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} on {address}: {response.StatusCode}");
            Assert.DoesNotContain("Orleans Dashboard", body);
            Assert.DoesNotContain("totalActiveHostCount", body);
        }
    }
}
