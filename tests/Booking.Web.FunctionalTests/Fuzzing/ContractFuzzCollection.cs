using Booking.Testing;

namespace Booking.Web.FunctionalTests.Fuzzing;

/// <summary>The fuzzer's own platform (silo, database, web host), run when no other collection runs: whatever state its
/// thousands of requests leave in clinic-days cannot change what the other tests see, nor slow them down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContractFuzzCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "contract-fuzz";
}
