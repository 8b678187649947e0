using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests;

/// <summary>The suite runs at any instant only if every part agrees on "now": a host on the system clock, or a
/// database whose now() is not shifted with the platform's, would decide holds, reminders and leases on another day.</summary>
[Collection(PlatformCollection.Name)]
public class SuiteClockTests(PlatformFixture platform)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_web_host_the_silo_and_the_database_all_run_on_the_suites_clock()
    {
        AssertNow(platform.WebServices.GetRequiredService<TimeProvider>().GetUtcNow(), "web host");
        AssertNow(platform.SiloServices.GetRequiredService<TimeProvider>().GetUtcNow(), "silo");
        AssertNow(new DateTimeOffset(await platform.Database.ScalarAsync<DateTime>("select now()")), "PostgreSQL");
    }

    [Fact]
    public void Orleans_itself_keeps_the_real_clock()
    {
        var messaging = platform.SiloServices.GetRequiredKeyedService<TimeProvider>("Orleans.Messaging").GetUtcNow();
        Assert.True((messaging - DateTimeOffset.UtcNow).Duration() < Tolerance, $"Orleans' messaging clock says {messaging:O}.");
    }

    private static void AssertNow(DateTimeOffset seen, string where) =>
        Assert.True((seen - TestClock.Now).Duration() < Tolerance, $"The {where} says {seen:O}, the suite {TestClock.Now:O}.");
}
