using Booking.Grains.WaitingRooms;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>A campaign's waiting room must outlive the silo it runs on: people already in the queue keep their
/// tickets and their order when that silo is killed.</summary>
public class WaitingRoomSiloLossTests(SiloLossClusterFixture cluster) : IClassFixture<SiloLossClusterFixture>
{
    private const int Slow = 1;

    [Fact]
    public async Task Killing_the_rooms_silo_keeps_every_waiting_visitor_in_order()
    {
        var name = $"room-{Guid.NewGuid():N}";
        var room = cluster.Grains.GetGrain<IWaitingRoomGrain>(name);
        var entered = new List<QueueStanding>();
        for (var i = 0; i < 5; i++)
            entered.Add(await room.Enter(Slow));
        var waiting = entered.Where(e => !e.Admitted).ToList();
        await Poll.UntilAsync(async () => await cluster.Database.ScalarAsync<long>(
            "select count(*) from orleans_storage where grain_id_extension like '%' || @name || '%' and payload is not null", ("name", name)) > 0,
            TimeSpan.FromSeconds(10), "the room's first save");

        var host = await cluster.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(room);
        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)));

        QueueStanding?[] after = [];
        await Poll.UntilAsync(async () =>
        {
            try
            {
                after = await Task.WhenAll(waiting.Select(w => room.Standing(w.Ticket, Slow)));
                return true;
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the room to answer from the other silo");

        Assert.All(after, a => Assert.NotNull(a));
        Assert.Equal(waiting.Select(w => w.Position), after.Select(a => a!.Position));
        var newcomer = await room.Enter(Slow);
        Assert.True(newcomer.Position > after.Max(a => a!.Position));
    }
}
