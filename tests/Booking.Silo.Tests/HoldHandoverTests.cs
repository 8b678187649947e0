using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>A rolling deploy stops silos one at a time, gracefully: the citizens holding a time on the silo that
/// stops must still be able to confirm it. Its own two-silo cluster, since the test stops one.</summary>
public class HoldHandoverTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_hold_survives_a_graceful_stop_of_its_silo_and_is_confirmed_on_the_other()
    {
        var citizens = new BookingScenario(cluster.Grains);
        var date = QuebecDate.NextWeekday(2);
        var start = BookingScenario.At(date, 9, 40);
        var held = Assert.IsType<HoldResult.Held>(await citizens.Hold(BookingScenario.Plateau, date, "FLU", start));
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var clinicDay = citizens.Day(BookingScenario.Plateau, date);
        var before = await management.GetActivationAddress(clinicDay);

        await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(before)));

        // The handed-over hold still counts against the slot's three seats, and confirms.
        Assert.Equal(2, (await clinicDay.Availability("FLU")).Slots.Single(s => s.Start == start).Remaining);
        Assert.NotEqual(before, await management.GetActivationAddress(clinicDay));
        var confirmed = Assert.IsType<ConfirmResult.Confirmed>(await citizens.Confirm(BookingScenario.Plateau, date, held.HoldId));
        Assert.Equal(start, confirmed.Booking.Start);
    }
}
