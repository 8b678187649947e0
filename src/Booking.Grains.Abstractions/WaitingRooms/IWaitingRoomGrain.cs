using Booking.Contracts;
using Booking.Domain.WaitingRooms;

namespace Booking.Grains.WaitingRooms;

/// <summary>Where a ticket stands: admitted (since <see cref="AdmittedAt"/>), or its position (1 = next) and an estimated wait.</summary>
[GenerateSerializer, Immutable, Alias("booking.WaitingRoom.Standing")]
public sealed record QueueStanding(WaitingTicket Ticket, long Position, int EstimatedWaitSeconds, bool Admitted, DateTimeOffset? AdmittedAt);

/// <summary>The room's queue at one instant, for web hosts to answer the polls of visitors still waiting without a call
/// each (see <see cref="AdmissionWatermark.Waiting"/>). <see cref="Epoch"/> says which tickets it speaks of.</summary>
[GenerateSerializer, Immutable, Alias("booking.WaitingRoom.Watermark")]
public sealed record RoomWatermark(long Epoch, long Frontier, long NextTicket, double Tokens)
{
    public AdmissionWatermark Queue => new(Frontier, NextTicket, Tokens);
}

/// <summary>
/// One waiting room (key: the room's name, e.g. <c>covid-campaign</c>), shared by every web host so the queue is one
/// FIFO whichever host a visitor reaches. The admission rate comes with each call from the web hosts' configuration.
/// </summary>
[Alias("booking.WaitingRoom")]
public interface IWaitingRoomGrain : IGrainWithStringKey
{
    [Alias("Enter")]
    Task<QueueStanding> Enter(int admissionsPerMinute);

    /// <summary>Null when the ticket is not one of this activation's (the visitor enters again).</summary>
    [Alias("Standing")]
    Task<QueueStanding?> Standing(WaitingTicket ticket, int admissionsPerMinute);

    /// <summary>Where the queue stands now; web hosts ask for it every few hundred milliseconds per room.</summary>
    [Alias("Watermark")]
    Task<RoomWatermark> Watermark(int admissionsPerMinute);

    /// <summary>Counts one hold against an admitted ticket's pass: false once the pass has served
    /// <paramref name="holdsPerPass"/> holds, has outlived <paramref name="passLifetime"/>, or was never admitted here.</summary>
    [Alias("UsePass")]
    Task<bool> UsePass(WaitingTicket ticket, int holdsPerPass, TimeSpan passLifetime);

    /// <summary>Gives back a use whose hold did not happen (the slot was full, say).</summary>
    [Alias("ReturnPassUse")]
    Task ReturnPassUse(WaitingTicket ticket);
}
