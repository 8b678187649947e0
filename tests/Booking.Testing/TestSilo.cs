extern alias silo;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using silo::Booking.Silo.Extensions;

namespace Booking.Testing;

/// <summary>A real silo as production sets it up (ADO.NET clustering on loopback ports), for the hosts under test that
/// join its cluster as Orleans clients: the citizens' web host and the staff site.</summary>
public static class TestSilo
{
    /// <summary>Starts the silo; <paramref name="clock"/>, when given, decides when its holds expire.</summary>
    public static async Task<IHost> StartAsync(PostgresDatabase database, string clusterId, TimeSpan holdDuration, TimeProvider? clock = null)
    {
        var silo = Host.CreateApplicationBuilder();
        Configure(silo, database, clusterId, holdDuration, clock);
        var host = silo.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>What every test silo has, on whichever host builder carries it.</summary>
    public static void Configure(IHostApplicationBuilder silo, PostgresDatabase database, string clusterId, TimeSpan holdDuration, TimeProvider? clock = null)
    {
        silo.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Booking"] = database.ConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Booking:Inventory:HoldDuration"] = holdDuration.ToString(),
            ["Booking:Inventory:PublishInterval"] = "00:00:00.100",
            // Tests mark no-shows by hand or call the sweep's statement with instants of their own; a sweep in the
            // background would mark their bookings at an hour that depends on when the suite runs.
            ["Booking:NoShows:After"] = "7.00:00:00",
            [TestClock.HostSetting.Key] = TestClock.HostSetting.Value,
        });
        silo.AddBookingSilo();
        HostLogFile.AddTo(silo.Logging, "silo");
        if (clock is not null)
            silo.Services.AddSingleton(clock);
    }

    public static Task StopAsync(IHost silo) => Teardown.WithinDeadlineAsync("the silo", async () =>
    {
        await silo.StopAsync();
        silo.Dispose();
    });
}
