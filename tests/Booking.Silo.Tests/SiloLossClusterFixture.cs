using Orleans.Configuration;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>A two-silo cluster of its own, for tests that kill a silo, which declares a silo dead within seconds
/// (production waits longer, so as not to mistake a pause for a death).</summary>
public sealed class SiloLossClusterFixture : ClusterFixture
{
    protected override void Configure(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<QuickDeathDetection>();

    private sealed class QuickDeathDetection : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
    }
}
