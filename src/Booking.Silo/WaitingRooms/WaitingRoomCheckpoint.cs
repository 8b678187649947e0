namespace Booking.Silo.WaitingRooms;

/// <summary>What a waiting room saves (a second at most after it changes) so that losing its silo costs no visitor
/// their place: the room's epoch (its tickets stay valid), the next number, the last one admitted and the admissions banked.</summary>
[GenerateSerializer, Alias("booking.WaitingRoom.Checkpoint")]
public sealed class WaitingRoomCheckpoint
{
    [Id(0)] public long Epoch { get; set; }
    [Id(1)] public long NextTicket { get; set; }
    [Id(2)] public long Frontier { get; set; }

    /// <summary>Tickets handed out between the last two saves: a measure of how many the next save could miss.</summary>
    [Id(3)] public long IssuedBetweenSaves { get; set; }

    /// <summary>Admissions the room had banked when it last moved, and when: after a loss it admits what the rate
    /// owed since, so that it gets at least as far as before.</summary>
    [Id(4)] public double Banked { get; set; }

    [Id(5)] public DateTimeOffset BankedAt { get; set; }
}
