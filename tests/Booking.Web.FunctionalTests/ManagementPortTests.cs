using Booking.ServiceDefaults;
using Microsoft.AspNetCore.Builder;

namespace Booking.Web.FunctionalTests;

/// <summary>The management port joins the addresses a host is given, in either form, rather than replacing them
/// (<see cref="ConnectionFloodTests"/> serves both ports of a host given ports).</summary>
public sealed class ManagementPortTests
{
    [Fact]
    public void It_joins_the_ports_a_container_is_given()
    {
        var builder = Builder("--urls=", "--http_ports=8080", "--Management:Port=8081");
        builder.AddManagementPort();
        Assert.Equal("8080;8081", builder.Configuration["http_ports"]);
        Assert.Equal("", builder.Configuration["urls"]);
    }

    [Fact]
    public void It_listens_on_each_host_of_the_addresses_a_host_is_given()
    {
        var builder = Builder("--urls=http://127.0.0.1:5080;http://localhost:5080", "--Management:Port=5180");
        builder.AddManagementPort();
        Assert.Equal("http://127.0.0.1:5080;http://localhost:5080;http://127.0.0.1:5180;http://localhost:5180", builder.Configuration["urls"]);
    }

    [Fact]
    public void Unset_it_changes_nothing()
    {
        var builder = Builder("--urls=http://127.0.0.1:5080", "--http_ports=8080");
        builder.AddManagementPort();
        Assert.Equal("http://127.0.0.1:5080", builder.Configuration["urls"]);
        Assert.Equal("8080", builder.Configuration["http_ports"]);
    }

    private static WebApplicationBuilder Builder(params string[] args) => WebApplication.CreateBuilder(args);
}
