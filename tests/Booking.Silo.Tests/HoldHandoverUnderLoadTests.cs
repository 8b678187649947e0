using Booking.Data.Demo;
using Booking.Grains.Inventory;
using Booking.Testing;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>A rolling deploy under load: citizens keep calling the clinic-days of the silo that stops, so the other
/// silo activates them afresh while the stopping one is still handing them over. Every hold must still confirm.</summary>
public class HoldHandoverUnderLoadTests(HoldHandoverUnderLoadTests.LongHolds cluster) : IClassFixture<HoldHandoverUnderLoadTests.LongHolds>
{
    private static readonly int[] Hours = [9, 10];

    /// <summary>Holds that outlive a silo's stop on a busy machine, so that none expires while the test runs.</summary>
    public sealed class LongHolds : ClusterFixture
    {
        protected override void Configure(TestClusterBuilder builder) =>
            builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Booking:Inventory:HoldDuration"] = "00:05:00",
            }));
    }

    private static readonly Guid[] FluClinics = [DemoSeed.Location(1), DemoSeed.Location(2), DemoSeed.Location(3), DemoSeed.Location(4), DemoSeed.Location(5), DemoSeed.Location(6)];

    [Fact]
    public async Task Holds_of_a_silo_stopped_while_citizens_keep_calling_its_clinic_days_all_confirm()
    {
        var citizens = new BookingScenario(cluster.Grains);
        var days = Enumerable.Range(2, 5).SelectMany(n => FluClinics.Select(clinic => (Clinic: clinic, Date: QuebecDate.NextWeekday(n)))).ToList();
        var holds = await Task.WhenAll(days.SelectMany(d => Hours.Select(async hour =>
            (d.Clinic, d.Date, Held: Assert.IsType<HoldResult.Held>(await citizens.Hold(d.Clinic, d.Date, "FLU", BookingScenario.At(d.Date, hour)))))));
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var hosts = await Task.WhenAll(days.Select(async d => await management.GetActivationAddress(citizens.Day(d.Clinic, d.Date))));
        var stopping = cluster.Cluster.Silos.MaxBy(silo => hosts.Count(h => silo.SiloAddress.Equals(h)))!;
        Assert.Contains(stopping.SiloAddress, hosts);

        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 4).Select(_ => KeepCalling(citizens, days, stop.Token)).ToList();
        await cluster.Cluster.StopSiloAsync(stopping);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var confirmations = await Task.WhenAll(holds.Select(h => citizens.Confirm(h.Clinic, h.Date, h.Held.HoldId)));
        Assert.All(confirmations, c => Assert.IsType<ConfirmResult.Confirmed>(c));
    }

    /// <summary>Searches and new holds on every clinic-day, as citizens do during a deploy; calls the stopping silo
    /// cannot answer fail, and the next ones go to the other silo.</summary>
    private static async Task KeepCalling(BookingScenario citizens, IReadOnlyList<(Guid Clinic, DateOnly Date)> days, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            foreach (var (clinic, date) in days)
            {
                try
                {
                    await citizens.Day(clinic, date).Availability("FLU");
                    await citizens.Hold(clinic, date, "FLU", BookingScenario.At(date, 14));
                }
                catch (Exception)
                {
                    // A call caught by the stop; the citizen's browser retries, and so does this loop.
                }
            }
    }
}
