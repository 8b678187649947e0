using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>When a freed seat finds nobody on the waiting list, the clinic-day stops asking PostgreSQL for a quiet moment
/// (5 s). A seat freed during that moment still goes to someone who joined the list meanwhile, once it is over.</summary>
[Collection(ClusterCollection.Name)]
public class WaitingListQuietMomentTests(ClusterFixture cluster)
{
    private readonly BookingScenario _citizens = new(cluster.Grains);

    [Fact]
    public async Task A_seat_freed_in_the_quiet_moment_goes_to_whoever_joined_meanwhile()
    {
        var date = QuebecDate.NextWeekday(13);
        var first = await _citizens.Booked(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 10));
        var second = await _citizens.Booked(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 11));
        var clinicDay = _citizens.Day(BookingScenario.Plateau, date);

        // Nobody waits: the next round (every 100 ms here) finds the list empty and starts the quiet moment.
        Assert.Equal(ChangeResult.Done, await clinicDay.Cancel(new CancelRequest(first.BookingId, 1)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var joined = await WaitingListEntries.JoinAsync(cluster.Database, BookingScenario.Plateau, date);
        Assert.Equal(ChangeResult.Done, await clinicDay.Cancel(new CancelRequest(second.BookingId, 1)));

        // Waited out in real time: with the silos' clocks moved ahead the person got a seat even when this one was lost
        // (something else that runs on time freed one), which would hide the loss.
        await Poll.UntilAsync(async () => await WaitingListEntries.OffersAsync(cluster.Database, joined) > 0, TimeSpan.FromSeconds(20),
            "the seat freed in the quiet moment offered to the person who joined");
    }
}
