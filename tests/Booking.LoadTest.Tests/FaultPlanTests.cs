using Booking.LoadTest;
using Booking.LoadTest.Faults;

namespace Booking.LoadTest.Tests;

public class FaultPlanTests
{
    [Fact]
    public void A_fault_names_its_kind_and_time_and_strikes_the_first_host_by_default()
    {
        var fault = Assert.Single(FaultPlan.Parse("silo-kill@20s"));

        Assert.Equal(new PlannedFault(FaultKind.SiloKill, 1, TimeSpan.FromSeconds(20)), fault);
    }

    [Fact]
    public void Several_faults_come_in_time_order_each_with_its_host()
    {
        var faults = FaultPlan.Parse("postgres-restart@40s, web-kill:2@20.5s,silo-stop:3@30s");

        Assert.Equal([
            new PlannedFault(FaultKind.WebKill, 2, TimeSpan.FromSeconds(20.5)),
            new PlannedFault(FaultKind.SiloStop, 3, TimeSpan.FromSeconds(30)),
            new PlannedFault(FaultKind.PostgresRestart, 1, TimeSpan.FromSeconds(40)),
        ], faults);
    }

    [Theory]
    [InlineData("silo-crash@20s")]       // no such kind
    [InlineData("silo-kill@20")]         // no unit
    [InlineData("silo-kill@-1s")]
    [InlineData("silo-kill 20s")]
    [InlineData("silo-kill:0@20s")]      // hosts count from 1
    [InlineData("postgres-restart:2@20s")] // one PostgreSQL
    [InlineData("silo-kill@20s,")]
    public void A_malformed_fault_is_refused_by_name(string text)
    {
        var refused = Assert.Throws<UsageException>(() => FaultPlan.Parse(text));

        Assert.Contains("--fault", refused.Message);
    }

    [Theory]
    [InlineData("silo-kill:2@20s")]
    [InlineData("postgres-restart@7.5s")]
    public void A_fault_prints_as_it_is_written(string text) =>
        Assert.Equal(text, Assert.Single(FaultPlan.Parse(text)).Name);
}
