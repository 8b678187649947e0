using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Booking.Data.Audit;
using Booking.Data.Catalog;
using Booking.Data.PostalCodes;
using Booking.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A confirmed booking is never lost, even when the silo that confirmed it is killed (kill -9); and while no silo is
/// up, the waiting room still tells waiting visitors where they stand.</summary>
public sealed class SiloCrashTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly string _clusterId = $"crash-{Guid.NewGuid():N}";
    private readonly string _keyFile = TestKeyFile.Create();
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();
    private const string Room = "crash-room";
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
            // A room admitting one visitor a minute, whose watermark the host asks for again after 100 ms.
            web.UseSetting($"WaitingRoom:Rooms:{Room}:Enabled", "true");
            web.UseSetting($"WaitingRoom:Rooms:{Room}:AdmissionsPerMinute", "1");
            web.UseSetting($"WaitingRoom:Rooms:{Room}:Services:0", "BLOOD");
            web.UseSetting("WaitingRoom:WatermarkRefreshMilliseconds", "100");
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

    [Fact]
    public async Task While_no_silo_is_up_a_waiting_visitor_keeps_learning_their_place_and_a_newcomer_is_asked_to_come_back()
    {
        using var silo = new HostProcess("Booking.Silo", SiloSettings());
        silo.Start();
        await WaitUntilBookable(new CitizenApi(_web.CreateClient()));
        Assert.True(Admitted(await Status(_web.CreateClient())), "the first visitor takes the admission the room has banked");
        var visitor = _web.CreateClient();
        var place = Position(await Status(visitor));
        Assert.Equal(1, place);
        // A poll with the ticket: the host takes the room's watermark (entering went to the room itself).
        Assert.Equal(place, Position(await Status(visitor)));

        silo.Kill();
        // Each poll comes after the host's watermark has gone stale, so each asks the room, which cannot answer.
        for (var poll = 0; poll < 5; poll++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(150));
            var status = await visitor.GetAsync(StatusPath);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            var answer = await CitizenApi.Json(status);
            Assert.False(Admitted(answer));
            Assert.Equal(place, Position(answer));
        }
        var newcomer = await _web.CreateClient().GetAsync(StatusPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, newcomer.StatusCode);
        Assert.NotNull(newcomer.Headers.RetryAfter);

        using var restarted = new HostProcess("Booking.Silo", SiloSettings());
        restarted.Start();
        await WaitUntilBookable(new CitizenApi(_web.CreateClient()));
        var afterwards = await Status(visitor);
        // The room admits one a minute: the visitor has kept their place, or moved up if a minute went by meanwhile.
        Assert.True(Admitted(afterwards) || Position(afterwards) <= place, $"position {Position(afterwards)} after the restart, {place} before");
    }

    private const string StatusPath = $"/api/v1/waiting-rooms/{Room}/status";

    private static async Task<JsonNode> Status(HttpClient visitor) => await CitizenApi.Json(await visitor.GetAsync(StatusPath));

    private static long Position(JsonNode status) => status["position"]!.GetValue<long>();

    private static bool Admitted(JsonNode status) => status["admitted"]!.GetValue<bool>();

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
