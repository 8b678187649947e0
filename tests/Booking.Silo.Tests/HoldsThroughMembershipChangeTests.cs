using Booking.Data.Demo;
using Booking.Grains.Inventory;
using Booking.Testing;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>A silo leaving or joining moves parts of the grain directory between silos. A hold lives in its clinic-day's
/// activation only, so if a move let a second activation of a clinic-day start beside the first, on a silo that stays,
/// the holds of the first would be lost to their citizens. Citizens keep holding and confirming on many clinic-days
/// of a three-silo cluster while one silo stops and another joins: not one hold may go missing.</summary>
public class HoldsThroughMembershipChangeTests(HoldsThroughMembershipChangeTests.ThreeSilos cluster)
    : IClassFixture<HoldsThroughMembershipChangeTests.ThreeSilos>
{
    /// <summary>Three silos, so that the one that stops holds directory entries for clinic-days living on the other two;
    /// holds long enough to outlive the test on a busy machine.</summary>
    public sealed class ThreeSilos : ClusterFixture
    {
        protected override short InitialSilos => 3;

        protected override void Configure(TestClusterBuilder builder) =>
            builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Booking:Inventory:HoldDuration"] = "00:05:00",
            }));
    }

    private static readonly Guid[] FluClinics = [DemoSeed.Location(1), DemoSeed.Location(2), DemoSeed.Location(3), DemoSeed.Location(4), DemoSeed.Location(5), DemoSeed.Location(6)];

    [Fact]
    public async Task No_hold_is_lost_while_a_silo_stops_and_another_joins()
    {
        var citizens = new BookingScenario(cluster.Grains);
        var days = Enumerable.Range(2, 5).SelectMany(n => FluClinics.Select(clinic => (Clinic: clinic, Date: QuebecDate.NextWeekday(n)))).ToList();
        var holds = await Task.WhenAll(days.SelectMany(d => new[] { 9, 10 }.Select(async hour =>
            (d.Clinic, d.Date, Held: Assert.IsType<HoldResult.Held>(await citizens.Hold(d.Clinic, d.Date, "FLU", BookingScenario.At(d.Date, hour)))))));
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var hosts = await Task.WhenAll(days.Select(async d => await management.GetActivationAddress(citizens.Day(d.Clinic, d.Date))));
        var stopping = cluster.Cluster.Silos.MaxBy(silo => hosts.Count(h => silo.SiloAddress.Equals(h)))!;

        var lost = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 6).Select(caller => HoldAndConfirm(citizens, days, caller, lost, stop.Token)).ToList();
        await cluster.Cluster.StopSiloAsync(stopping);
        await cluster.Cluster.StartAdditionalSiloAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var confirmations = await Task.WhenAll(holds.Select(async h =>
            (h.Clinic, h.Date, Result: await citizens.Confirm(h.Clinic, h.Date, h.Held.HoldId))));
        Assert.All(confirmations, c => Assert.True(c.Result is ConfirmResult.Confirmed, $"{c.Clinic}/{c.Date}: {c.Result}"));
        Assert.Empty(lost);
    }

    /// <summary>A citizen's whole journey, again and again across the clinic-days: hold a free seat, then confirm it. A
    /// call caught by the stop may fail (the citizen's browser sends it again); a confirmation that answers "no such
    /// hold" for a hold just granted is a lost hold.</summary>
    private static async Task HoldAndConfirm(BookingScenario citizens, IReadOnlyList<(Guid Clinic, DateOnly Date)> days, int caller,
        System.Collections.Concurrent.ConcurrentBag<string> lost, CancellationToken stop)
    {
        for (var turn = caller; !stop.IsCancellationRequested; turn++)
        {
            var (clinic, date) = days[turn % days.Count];
            var start = BookingScenario.At(date, 11 + turn / days.Count % 5, 10 * (turn % 6));
            try
            {
                if (await citizens.Hold(clinic, date, "FLU", start) is HoldResult.Held held
                    && await citizens.Confirm(clinic, date, held.HoldId) is ConfirmResult.UnknownHold)
                    lost.Add($"{clinic}/{date} {start:HH:mm}");
            }
            catch (Exception)
            {
                // A call caught by the stop or the join; the next turn goes on.
            }
        }
    }
}
