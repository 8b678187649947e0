using Booking.Data.Demo;
using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>A rolling deploy in the middle of confirmations: citizens who held a time confirm while the silo holding
/// it stops, one after another over the whole stop, each retrying a call the stop catches (the booking site answers it
/// with a 503 and Retry-After): none may find their hold gone. On this in-process cluster the new activations have not
/// been seen to outrun the old ones' handover, as they sometimes do under a stampede on real processes (the load
/// runner's <c>silo-stop</c> fault measures that); this keeps the confirmations made during a stop from regressing.</summary>
public class HoldConfirmedDuringStopTests(LongHoldsCluster cluster) : IClassFixture<LongHoldsCluster>
{
    private static readonly int[] Hours = [9, 10, 11];

    private static readonly Guid[] FluClinics = [DemoSeed.Location(1), DemoSeed.Location(2), DemoSeed.Location(3), DemoSeed.Location(4), DemoSeed.Location(5), DemoSeed.Location(6)];

    [Fact]
    public async Task Citizens_confirming_while_their_silo_stops_keep_their_holds()
    {
        var citizens = new BookingScenario(cluster.Grains);
        var days = Enumerable.Range(7, 5).SelectMany(n => FluClinics.Select(clinic => (Clinic: clinic, Date: QuebecDate.NextWeekday(n)))).ToList();
        var holds = await Task.WhenAll(days.SelectMany(d => Hours.Select(async hour =>
            (d.Clinic, d.Date, Held: Assert.IsType<HoldResult.Held>(await citizens.Hold(d.Clinic, d.Date, "FLU", BookingScenario.At(d.Date, hour)))))));
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var hosts = await Task.WhenAll(days.Select(async d => await management.GetActivationAddress(citizens.Day(d.Clinic, d.Date))));
        var stopping = cluster.Cluster.Silos.MaxBy(silo => hosts.Count(h => silo.SiloAddress.Equals(h)))!;
        Assert.Contains(stopping.SiloAddress, hosts);

        var stop = cluster.Cluster.StopSiloAsync(stopping);
        var confirmations = new List<Task<ConfirmResult>>();
        foreach (var (clinic, date, held) in holds)
        {
            confirmations.Add(ConfirmRetrying(citizens.Day(clinic, date), BookingScenario.Request(held.HoldId)));
            await Task.Delay(25);
        }
        await stop;

        var results = await Task.WhenAll(confirmations);
        Assert.All(results, r => Assert.IsType<ConfirmResult.Confirmed>(r));
    }

    /// <summary>The same request again (a retry, recognised as one) while the call fails, as a browser retries a 503.</summary>
    private static async Task<ConfirmResult> ConfirmRetrying(ILocationDayGrain clinicDay, ConfirmRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await clinicDay.Confirm(request);
            }
            catch (Exception) when (attempt < 40)
            {
                await Task.Delay(250);
            }
        }
    }
}
