using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>A cluster whose holds outlive a silo's stop on a busy machine, so that none expires while a test of silos
/// stopping and joining runs.</summary>
public class LongHoldsCluster : ClusterFixture
{
    protected override void Configure(TestClusterBuilder builder) =>
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Booking:Inventory:HoldDuration"] = "00:05:00",
        }));
}
