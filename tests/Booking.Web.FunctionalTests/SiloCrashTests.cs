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
        using var silo = new SiloProcess(_database.ConnectionString, _clusterId, _siloPort, _gatewayPort);
        silo.Start();
        var api = new CitizenApi(_web.CreateClient());
        await WaitUntilBookable(api);

        // Many citizens at once on a few 3-seat slots: some slots fill up, all under contention.
        var date = QuebecDate.NextWeekday(2);
        var slots = Enumerable.Range(0, 4).Select(i => QuebecDate.At(date, 12, i * 10)).ToList();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => TryBook(api, slots[i % slots.Count])));
        var acknowledged = attempts.OfType<string>().ToList();
        Assert.Equal(12, acknowledged.Count);

        silo.Kill();
        using var restarted = new SiloProcess(_database.ConnectionString, _clusterId, _siloPort, _gatewayPort);
        restarted.Start();
        await WaitUntilBookable(api);

        var audit = new InventoryAudit(_database.DataSource, new CatalogRepository(_database.DataSource));
        Assert.Empty(await audit.MissingAsync(acknowledged));
        Assert.Empty((await audit.RunAsync()).OverCapacity);
        foreach (var slot in slots)
            Assert.Equal(HttpStatusCode.Conflict, (await api.Hold(CitizenApi.Plateau, "FLU", slot)).StatusCode);
    }

    private static async Task<string?> TryBook(CitizenApi api, DateTimeOffset start)
    {
        var hold = await api.Hold(CitizenApi.Plateau, "FLU", start);
        if (hold.StatusCode != HttpStatusCode.Created)
            return null;
        var confirmed = await api.Confirm((await CitizenApi.Json(hold))["holdId"]!.GetValue<string>());
        return confirmed.StatusCode == HttpStatusCode.Created ? (await CitizenApi.Json(confirmed))["confirmationCode"]!.GetValue<string>() : null;
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
