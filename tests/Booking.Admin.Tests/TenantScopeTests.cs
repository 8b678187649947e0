using Booking.Data.Demo;
using Booking.Data.Tenancy;

namespace Booking.Admin.Tests;

/// <summary>The tenant tree as staff queries read it, on the demo's tenants: the ministry above two regions.</summary>
[Collection(AdminCollection.Name)]
public sealed class TenantScopeTests(AdminFixture fixture)
{
    [Theory]
    [InlineData("ministry", "ministry", true)]
    [InlineData("ministry", "montreal", true)]
    [InlineData("ministry", "quebec", true)]
    [InlineData("montreal", "montreal", true)]
    [InlineData("montreal", "quebec", false)]
    [InlineData("montreal", "ministry", false)]
    [InlineData("quebec", "montreal", false)]
    public async Task A_tenant_reaches_itself_and_the_tenants_under_it_and_nothing_else(string scope, string tenant, bool reached) =>
        Assert.Equal(reached, await TenantScope.IncludesAsync(fixture.Database.DataSource, Tenant(scope), Tenant(tenant)));

    [Fact]
    public async Task An_unknown_tenant_reaches_no_real_tenant() =>
        Assert.False(await TenantScope.IncludesAsync(fixture.Database.DataSource, Guid.NewGuid(), DemoSeed.MontrealRegion));

    private static Guid Tenant(string name) => name switch
    {
        "ministry" => DemoSeed.Ministry,
        "montreal" => DemoSeed.MontrealRegion,
        _ => DemoSeed.QuebecRegion,
    };
}
