using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>A seat offered to someone on the waiting list stays theirs through a graceful stop of its silo, and when
/// the offer runs out on the other silo the seat goes to the next person waiting, as it would have without the stop.
/// Its own two-silo cluster, since the test stops one.</summary>
public class WaitingListHandoverTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly BookingScenario _citizens = new(cluster.Grains);

    [Fact]
    public async Task An_offer_handed_over_through_a_stop_still_passes_to_the_next_person_when_it_runs_out()
    {
        var date = QuebecDate.NextWeekday(3);
        var booked = await _citizens.Booked(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 10));
        var first = await Waiting(date);
        var second = await Waiting(date);
        var clinicDay = _citizens.Day(BookingScenario.Plateau, date);

        Assert.Equal(ChangeResult.Done, await clinicDay.Cancel(new CancelRequest(booked.BookingId, 1)));
        await OfferedTo(first, "the freed seat offered to the first person waiting");
        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var before = await management.GetActivationAddress(clinicDay);
        await cluster.Cluster.StopSiloAsync(cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(before)));
        // The next activation, on the other silo, takes the offer's hold back.
        await clinicDay.Availability("FLU");
        Assert.NotEqual(before, await management.GetActivationAddress(clinicDay));
        Assert.Equal(0, await Offers(second));

        using (cluster.SilosAhead(TimeSpan.FromMinutes(31)))
            await OfferedTo(second, "the seat offered to the next person once the handed-over offer ran out");
        Assert.Equal(1, await Offers(first));
        Assert.Equal(1, await Offers(second));
    }

    private Task<Guid> Waiting(DateOnly date) => WaitingListEntries.JoinAsync(cluster.Database, BookingScenario.Plateau, date);

    private Task<long> Offers(Guid entry) => WaitingListEntries.OffersAsync(cluster.Database, entry);

    private Task OfferedTo(Guid entry, string what) =>
        Poll.UntilAsync(async () => await Offers(entry) > 0, TimeSpan.FromSeconds(20), what);
}
