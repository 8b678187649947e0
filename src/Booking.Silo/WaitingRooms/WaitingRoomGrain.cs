using Booking.Domain.WaitingRooms;
using Booking.Grains.WaitingRooms;

namespace Booking.Silo.WaitingRooms;

/// <summary>
/// The queue of one waiting room, in memory: every call is a few arithmetic operations, so one grain answers a whole
/// campaign's visitors. A restart starts a new epoch: earlier tickets are refused and their holders queue again.
/// </summary>
public sealed class WaitingRoomGrain(TimeProvider clock) : Grain, IWaitingRoomGrain
{
    private readonly long _epoch = clock.GetUtcNow().UtcTicks;
    private AdmissionQueue _queue = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _queue = new AdmissionQueue(clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<QueueStanding> Enter(int admissionsPerMinute)
    {
        var now = clock.GetUtcNow();
        // A queue that is deactivated would forget its visitors' places; stay up while people may still be waiting.
        DelayDeactivation(TimeSpan.FromHours(1));
        var ticket = new WaitingTicket(_epoch, _queue.Issue(now, admissionsPerMinute));
        return Task.FromResult(ToStanding(ticket, _queue.Standing(ticket.Number, now, admissionsPerMinute)!.Value));
    }

    public Task<QueueStanding?> Standing(WaitingTicket ticket, int admissionsPerMinute)
    {
        if (ticket.Epoch != _epoch || _queue.Standing(ticket.Number, clock.GetUtcNow(), admissionsPerMinute) is not { } standing)
            return Task.FromResult<QueueStanding?>(null);
        return Task.FromResult<QueueStanding?>(ToStanding(ticket, standing));
    }

    private static QueueStanding ToStanding(WaitingTicket ticket, TicketStanding standing) =>
        new(ticket, standing.Position, standing.EstimatedWaitSeconds, standing.Admitted);
}
