using Booking.Grains;
using Booking.Silo.Extensions;
using Booking.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>
/// A real Orleans cluster (two silos unless a derived fixture says otherwise) whose membership, grain state and reminders are in PostgreSQL (the project's
/// own migrations), with the inventory grains talking to a freshly seeded booking database.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    /// <summary>Long enough for a confirm under load; expiry tests move the silos' clocks past it (<see cref="SilosAhead"/>).</summary>
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(6);

    public PostgresDatabase Database { get; } = new();
    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Puts every running silo's clock ahead until disposed: holds expire without the test waiting for them.</summary>
    public IDisposable SilosAhead(TimeSpan by) =>
        MovableClock.Ahead(Cluster.GetActiveSilos().Select(s => (MovableClock)((InProcessSiloHandle)s).ServiceProvider.GetRequiredService<TimeProvider>()), by);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = new TestClusterBuilder(InitialSilos);
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Booking"] = Database.ConnectionString,
            ["Booking:Inventory:HoldDuration"] = HoldDuration.ToString(),
            ["Booking:Inventory:PublishInterval"] = "00:00:00.100",
            [TestClock.HostSetting.Key] = TestClock.HostSetting.Value,
        }));
        builder.AddSiloBuilderConfigurator<PostgresSilo>();
        builder.AddClientBuilderConfigurator<PostgresClient>();
        Configure(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>How many silos the cluster starts with.</summary>
    protected virtual short InitialSilos => 2;

    /// <summary>What a derived fixture adds to the cluster.</summary>
    protected virtual void Configure(TestClusterBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        await Teardown.WithinDeadlineAsync("the test cluster", async () =>
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        });
        await Database.DisposeAsync();
    }

    private sealed class PostgresSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.UsePostgres(silo.Configuration.GetConnectionString("Booking")!);
            silo.UseConsistentGrainDirectory();
            silo.Services.AddInventoryServices(silo.Configuration);
            silo.Services.AddSingleton<TimeProvider>(new MovableClock());
        }
    }

    private sealed class PostgresClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterIdentity.AdoNetInvariant;
                o.ConnectionString = configuration.GetConnectionString("Booking");
            });
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
