using Booking.Silo.WaitingRooms;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Booking.Silo.Tests;

/// <summary>Saved grain state outlives the code that wrote it: a renamed or moved state class must still read its rows,
/// including those written while the JSON still named the class.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainStateFormatTests(ClusterFixture fixture)
{
    private IGrainStorageSerializer Storage =>
        ((InProcessSiloHandle)fixture.Cluster.Silos[0]).ServiceProvider.GetRequiredService<IGrainStorageSerializer>();

    [Fact]
    public void Saved_state_names_no_CSharp_type()
    {
        var saved = Storage.Serialize(new WaitingRoomCheckpoint { Epoch = 7, NextTicket = 42, Frontier = 40, IssuedBetweenSaves = 3 }).ToString();

        Assert.DoesNotContain("$type", saved);
        Assert.Contains("\"NextTicket\":42", saved);
    }

    [Fact]
    public void A_row_that_names_a_class_since_renamed_is_still_read()
    {
        const string savedBeforeTheRename =
            """{"$id":"1","$type":"Booking.Silo.WaitingRooms.RoomNumbering, Booking.Silo","Epoch":7,"NextTicket":42,"Frontier":40,"IssuedBetweenSaves":3}""";

        var read = Storage.Deserialize<WaitingRoomCheckpoint>(BinaryData.FromString(savedBeforeTheRename));

        Assert.Equal((7L, 42L, 40L, 3L), (read!.Epoch, read.NextTicket, read.Frontier, read.IssuedBetweenSaves));
        // Written before rooms kept their bank: no time, which the room takes as nothing owed.
        Assert.Equal((0.0, default), (read.Banked, read.BankedAt));
    }
}
