using System.Globalization;
using System.Net;
using Booking.Data.Audit;
using Booking.Data.Catalog;
using Booking.Data.PostalCodes;
using Booking.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A confirmed booking is never lost, even when the silo that confirmed it is killed (kill -9).</summary>
public sealed class SiloCrashTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly string _clusterId = $"crash-{Guid.NewGuid():N}";
    private readonly string _keyFile = TestKeyFile.Create();
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();
    private WebApplicationFactory<Program> _web = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await new PostalCodeRepository(_database.DataSource).UpsertAsync(FsaCentroidSeed.Read());
        _web = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Booking", _database.ConnectionString);
            web.UseSetting("Orleans:ClusterId", _clusterId);
            web.UseSetting("Booking:DataProtection:KeyFile", _keyFile);
            // The silo process runs on the suite's clock; the web host must agree with it on what "today" is.
            web.UseSetting(TestClock.HostSetting.Key, TestClock.HostSetting.Value);
            // Every request here is one client's, polling every 50 ms while the silo restarts: a per-client limit would
            // answer the checks that follow a slow restart with 429 (the limits have tests of their own).
            web.UseSetting("RateLimiting:Enabled", "false");
        });
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _database.DisposeAsync();
        File.Delete(_keyFile);
    }

    [Fact]
    public async Task Every_acknowledged_booking_survives_a_killed_silo_and_capacity_stays_consistent()
    {
        using var silo = new HostProcess("Booking.Silo", SiloSettings());
        silo.Start();
        var api = new CitizenApi(_web.CreateClient());
        await WaitUntilBookable(api);

        // Many citizens at once on a few 3-seat slots: some slots fill up, all under contention.
        var date = QuebecDate.NextWeekday(2);
        var slots = Enumerable.Range(0, 4).Select(i => QuebecDate.At(date, 12, i * 10)).ToList();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => TryBook(api, slots[i % slots.Count])));
        var acknowledged = attempts.Where(a => a.Code is not null).Select(a => a.Code!).ToList();
        var refusals = string.Join(", ", attempts.Where(a => a.Code is null).GroupBy(a => a.Refusal).Select(g => $"{g.Count()} × {g.Key}"));
        Assert.True(acknowledged.Count == 12, $"Expected the 4 three-seat slots to fill: {acknowledged.Count} booked; other answers: {refusals}");

        silo.Kill();
        using var restarted = new HostProcess("Booking.Silo", SiloSettings());
        restarted.Start();
        await WaitUntilBookable(api);

        var audit = new InventoryAudit(_database.DataSource, new CatalogRepository(_database.DataSource));
        Assert.Empty(await audit.MissingAsync(acknowledged));
        Assert.Empty((await audit.RunAsync()).OverCapacity);
        // Just after a failover a call can still be told to come back (503); a client retries, and then must hear "full".
        foreach (var slot in slots)
            Assert.Equal(HttpStatusCode.Conflict, (await Retrying503(() => api.Hold(CitizenApi.Plateau, "FLU", slot))).StatusCode);
    }

    /// <summary>The same silo each time: same ports, cluster and database, a fresh health port.</summary>
    private Dictionary<string, string?> SiloSettings() => new()
    {
        ["ConnectionStrings:Booking"] = _database.ConnectionString,
        ["Orleans:ClusterId"] = _clusterId,
        ["Orleans:SiloPort"] = _siloPort.ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
    };

    private sealed record Attempt(string? Code, string? Refusal);

    /// <summary>Holds and confirms like a real client: a 503 (the platform asking to come back) is retried with the
    /// same Idempotency-Key, so a retry can never book twice.</summary>
    private static async Task<Attempt> TryBook(CitizenApi api, DateTimeOffset start)
    {
        var holdKey = Guid.NewGuid().ToString();
        var hold = await Retrying503(() => api.Hold(CitizenApi.Plateau, "FLU", start, holdKey));
        if (hold.StatusCode != HttpStatusCode.Created)
            return new Attempt(null, $"hold {(int)hold.StatusCode}");
        var holdId = (await CitizenApi.Json(hold))["holdId"]!.GetValue<string>();
        var citizen = CitizenApi.NewCitizen();
        var confirmKey = Guid.NewGuid().ToString();
        var confirmed = await Retrying503(() => api.Confirm(holdId, citizen, confirmKey));
        return confirmed.StatusCode == HttpStatusCode.Created
            ? new Attempt((await CitizenApi.Json(confirmed))["confirmationCode"]!.GetValue<string>(), null)
            : new Attempt(null, $"confirm {(int)confirmed.StatusCode} {await confirmed.Content.ReadAsStringAsync()}");
    }

    private static async Task<HttpResponseMessage> Retrying503(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
                return response;
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
        }
    }

    /// <summary>Ready once a grain call reaches a silo (after a crash: once the client has found the new gateway).
    /// Releasing a hold that does not exist is such a call, and harmless.</summary>
    private static Task WaitUntilBookable(CitizenApi api) =>
        Poll.UntilAsync(async () =>
        {
            var probe = $"{CitizenApi.Plateau:N}.{QuebecDate.NextWeekday(2):yyyyMMdd}.FLU.{new string('0', 24)}";
            return (await api.Http.DeleteAsync($"/api/v1/holds/{probe}")).StatusCode == HttpStatusCode.NoContent;
        }, TimeSpan.FromSeconds(120), "the silo to serve requests");
}
