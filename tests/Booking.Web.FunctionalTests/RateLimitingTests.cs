using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Booking.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests;

/// <summary>Per-client limits on the public API and the site, on a web host behind a "proxy" at 127.0.0.1 whose X-Forwarded-For
/// names the client, with 5 requests a minute per client. (The test server gives no remote address, for which
/// ASP.NET Core would believe any X-Forwarded-For; a real server always has one, so each test sets it.)</summary>
[Collection(PlatformCollection.Name)]
public sealed class RateLimitingTests : IDisposable
{
    private const int Limit = 5;
    private readonly PlatformFixture _platform;
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host;

    public RateLimitingTests(PlatformFixture platform) => _host = (_platform = platform).WebHostWith(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Window"] = "00:01:00",
        ["RateLimiting:KnownProxies:0"] = "127.0.0.1",
    }, web => web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ArrivingFrom(IPAddress.Loopback))));

    public void Dispose() => _host.Dispose();

    private HttpClient Client(string forwardedFor)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    [Fact]
    public async Task A_client_over_its_limit_gets_429_problems_while_another_client_is_still_served()
    {
        var hammering = Client("203.0.113.7");
        var other = Client("203.0.113.8");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit + 3; i++)
            answers.Add(await hammering.GetAsync("/api/v1/services"));

        Assert.All(answers.Take(Limit), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers.Skip(Limit), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        var refused = answers[^1];
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/too-many-requests", (await CitizenApi.Json(refused))["type"]!.GetValue<string>());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/services")).StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_address_that_is_not_a_known_proxy_is_ignored()
    {
        using var direct = _platform.WebHostWith(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:Window"] = "00:01:00",
            ["RateLimiting:KnownProxies:0"] = "192.0.2.1",
        }, web => web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ArrivingFrom(IPAddress.Parse("198.51.100.200")))));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 1; i++)
        {
            // A bot inventing a new address each time still counts as the one client it is.
            var client = direct.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await client.GetAsync("/api/v1/services")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task The_site_s_form_posts_count_against_the_same_limit_as_the_API()
    {
        var client = Client("203.0.113.10");
        var start = QuebecDate.At(QuebecDate.NextWeekday(8), 9, 20);
        var page = $"/search?service=FLU&postalCode=H2X1Y4&location={CitizenApi.Plateau}&day={QuebecDate.NextWeekday(8):yyyy-MM-dd}";
        var html = await client.GetStringAsync(page);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var api = HttpStatusCode.OK;
        for (var i = 0; i < Limit + 1; i++)
            api = (await client.GetAsync("/api/v1/services")).StatusCode;
        Assert.Equal(HttpStatusCode.TooManyRequests, api);

        var hold = await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "hold",
            ["__RequestVerificationToken"] = token,
            ["Pick.Location"] = CitizenApi.Plateau.ToString(),
            ["Pick.Start"] = start.ToString("O"),
        }));

        Assert.Equal(HttpStatusCode.TooManyRequests, hold.StatusCode);
        Assert.Equal(3, await new CitizenApi(_platform.Http).Remaining("H2X1Y4", "FLU", CitizenApi.Plateau, start));
    }

    [Fact]
    public async Task Static_assets_are_not_limited()
    {
        var client = Client("203.0.113.11");
        for (var i = 0; i < Limit; i++)
            await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/site.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_framework/blazor.web.js")).StatusCode);
    }

    [Fact]
    public async Task Health_checks_are_not_limited()
    {
        var client = Client("203.0.113.9");

        for (var i = 0; i < Limit + 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    /// <summary>The test server has no network: every request arrives from one address (the proxy's, or a client's).</summary>
    private sealed class ArrivingFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
