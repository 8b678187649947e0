using System.Globalization;
using System.Net;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>Who the client is, over real HTTP: X-Forwarded-For is believed only from a configured proxy; with none
/// configured (the default) a client's own header changes neither its rate limit nor the address in the access log.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ForwardedHeadersTests(PlatformFixture platform)
{
    private const int Limit = 5;

    private static Dictionary<string, string?> Limited(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:Window"] = "00:01:00",
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task With_no_proxy_configured_a_client_inventing_X_Forwarded_For_is_still_one_client()
    {
        using var host = new LoopbackHost(platform, Limited());
        using var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Limit + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/services");
            request.Headers.Add("X-Forwarded-For", $"10.0.0.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task With_no_proxy_configured_the_access_log_records_the_connection_address_not_X_Forwarded_For()
    {
        var booked = await new CitizenApi(platform.Http).Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(8), 9));
        using var host = new LoopbackHost(platform, new Dictionary<string, string?>());

        var read = await Read(host, booked, forwardedFor: "6.6.6.6");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("127.0.0.1", await LastReadAddress(booked));
    }

    [Fact]
    public async Task A_configured_proxy_network_s_X_Forwarded_For_names_the_client_in_the_log_and_the_limiter()
    {
        var booked = await new CitizenApi(platform.Http).Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(8), 9, 10));
        using var host = new LoopbackHost(platform, Limited(("RateLimiting:KnownNetworks:0", "127.0.0.0/8")));

        Assert.Equal(HttpStatusCode.OK, (await Read(host, booked, forwardedFor: "203.0.113.50")).StatusCode);
        Assert.Equal("203.0.113.50", await LastReadAddress(booked));

        // Each forwarded address is its own client: the proxy's many users do not share one limit.
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.OK, (await Read(host, booked, forwardedFor: $"203.0.113.{60 + i}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Read(LoopbackHost host, System.Text.Json.Nodes.JsonNode booked, string forwardedFor)
    {
        using var client = host.Client();
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/bookings/{code}?token={Uri.EscapeDataString(token)}");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private Task<string> LastReadAddress(System.Text.Json.Nodes.JsonNode booked) =>
        platform.Database.ScalarAsync<string>("""
            select host(l.source_ip) from personal_data_access_log l join bookings b on b.id = l.record_id
            where b.confirmation_code = @code and l.access = 'read' order by l.id desc limit 1
            """, ("code", booked["confirmationCode"]!.GetValue<string>()));
}
