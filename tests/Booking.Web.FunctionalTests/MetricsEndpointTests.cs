using System.Net;
using Booking.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests;

/// <summary><c>/metrics</c> on the citizen site: Prometheus on this machine or in a configured network reads it; a
/// citizen, or anything that came through a proxy whatever address it claims, gets the site's 404.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MetricsEndpointTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_scraper_on_this_machine_reads_the_metrics()
    {
        using var host = new LoopbackHost(platform, new Dictionary<string, string?>());
        using var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/services")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/availability?service=COVID19&postalCode=H2X1Y4&days=1")).StatusCode);

        // A request's duration is recorded as it ends, which may be just after its client has the answer.
        var scrape = "";
        await Poll.UntilAsync(async () =>
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            scrape = await response.Content.ReadAsStringAsync();
            return scrape.Contains("http_route=\"/api/v1/services\"");
        }, TimeSpan.FromSeconds(10), "the API call's duration in the scrape");

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", scrape);
        // The platform's own meter too: the search's answer was built for it.
        Assert.Contains("booking_availability_answers_total{otel_scope_name=\"Booking\",source=\"built\"}", scrape);
    }

    [Fact]
    public async Task A_request_that_came_through_a_proxy_is_refused_even_when_the_proxy_says_it_came_from_loopback()
    {
        // The proxy is believed (a configured network): the forwarded-headers step rewrites the address to 127.0.0.1.
        using var host = new LoopbackHost(platform, new Dictionary<string, string?> { ["RateLimiting:KnownNetworks:0"] = "127.0.0.0/8" });
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_citizen_s_address_gets_the_site_s_404()
    {
        using var host = platform.WebHostWith(new Dictionary<string, string?>(), FromAddress("203.0.113.9"));
        using var client = host.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_scraper_in_a_configured_network_reads_the_metrics()
    {
        using var host = platform.WebHostWith(new Dictionary<string, string?> { ["Metrics:ScrapeNetworks:0"] = "10.30.0.0/24" }, FromAddress("10.30.0.7"));
        using var client = host.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The in-memory server has no connection address: this gives every request the one a real client would have.</summary>
    private static Action<IWebHostBuilder> FromAddress(string address) =>
        web => web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(address))));

    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following();
            });
            next(app);
        };
    }
}
