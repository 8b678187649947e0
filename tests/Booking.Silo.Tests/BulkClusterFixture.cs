using Booking.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>The two-silo cluster with each silo running bulk jobs, as deployed, on its own database: a bulk job moves
/// whole days, which other tests' clinic-days must not meet.</summary>
public sealed class BulkClusterFixture : ClusterFixture
{
    protected override void Configure(TestClusterBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Booking:BulkJobs:Lease"] = "00:00:03",
            ["Booking:BulkJobs:PollInterval"] = "00:00:00.200",
            ["Booking:BulkJobs:BatchSize"] = "25",
        }));
        builder.AddSiloBuilderConfigurator<BulkRunner>();
    }

    private sealed class BulkRunner : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.AddBulkJobRunner(silo.Configuration);
    }
}

[CollectionDefinition(Name)]
public sealed class BulkClusterCollection : ICollectionFixture<BulkClusterFixture>
{
    public const string Name = "bulk-cluster";
}
