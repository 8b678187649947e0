namespace Booking.Silo.WaitingRooms;

/// <summary>What a waiting room saves (a second at most after it changes) so that losing its silo costs no visitor
/// their place: the room's epoch (its tickets stay valid), the next number and the last one admitted.</summary>
[GenerateSerializer, Alias("booking.WaitingRoom.Checkpoint")]
public sealed class WaitingRoomCheckpoint
{
    [Id(0)] public long Epoch { get; set; }
    [Id(1)] public long NextTicket { get; set; }
    [Id(2)] public long Frontier { get; set; }

    /// <summary>Tickets handed out between the last two saves: a measure of how many the next save could miss.</summary>
    [Id(3)] public long IssuedBetweenSaves { get; set; }
}
