using System.Net;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>The headers every response of the citizen site and API carries, the Host check and redirects, over real
/// HTTP on a host whose waiting room gates flu bookings (for a redirect to look at).</summary>
[Collection(PlatformCollection.Name)]
public sealed class SecurityHeadersTests(PlatformFixture platform) : IDisposable
{
    private readonly string _room = $"headers-{Guid.NewGuid():N}"[..20];
    private LoopbackHost? _host;

    private LoopbackHost Host => _host ??= new LoopbackHost(platform, new Dictionary<string, string?>
    {
        [$"WaitingRoom:Rooms:{_room}:Enabled"] = "true",
        [$"WaitingRoom:Rooms:{_room}:AdmissionsPerMinute"] = "1",
        [$"WaitingRoom:Rooms:{_room}:Services:0"] = "FLU",
        ["RateLimiting:KnownProxies:0"] = "127.0.0.1",
    });

    public void Dispose() => _host?.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/search?service=COVID19&postalCode=H2X1Y4")]
    [InlineData("/privacy-complaint")]
    [InlineData("/api/v1/services")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_a_strict_policy_and_no_framing_sniffing_or_referrer(string path)
    {
        using var client = Host.Client();

        var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe", csp);
        // Pages with a form used to say SAMEORIGIN (antiforgery's default).
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    [Fact]
    public async Task Confirmation_and_manage_pages_are_never_stored()
    {
        var booked = await new CitizenApi(platform.Http).Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(8), 9, 30));
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>());
        using var client = Host.Client();

        foreach (var path in new[] { $"/confirmation/{code}?token={token}", $"/manage/{code}?token={token}", $"/calendar/{code}.ics?token={token}" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task HSTS_is_sent_when_the_request_came_over_HTTPS_through_the_proxy()
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-For", "203.0.113.30");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_foreign_Host_header_is_refused()
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_redirect_does_not_repeat_the_Host_header()
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?service=FLU&postalCode=H2X1Y4");
        request.Headers.Host = $"localhost:{Host.Address.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/waiting-room/{_room}?", location);
        Assert.DoesNotContain("localhost", location);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
