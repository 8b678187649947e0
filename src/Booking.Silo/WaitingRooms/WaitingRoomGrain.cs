using Booking.Domain.WaitingRooms;
using Booking.Grains.WaitingRooms;

namespace Booking.Silo.WaitingRooms;

/// <summary>
/// The queue of one waiting room, in memory: every call is a few arithmetic operations, so one grain answers a whole
/// campaign's visitors. A restart starts a new epoch: earlier tickets (and the passes bound to them) are refused and
/// their holders queue again. Each admission is one pass, counted here, so a pass copied to other clients serves
/// no more holds than its owner could make.
/// </summary>
public sealed class WaitingRoomGrain(TimeProvider clock) : Grain, IWaitingRoomGrain
{
    private readonly long _epoch = clock.GetUtcNow().UtcTicks;
    private readonly PassUses _passes = new();
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
        return Task.FromResult(ToStanding(ticket, _queue.Standing(ticket.Number, now, admissionsPerMinute)!.Value, now));
    }

    public Task<QueueStanding?> Standing(WaitingTicket ticket, int admissionsPerMinute)
    {
        var now = clock.GetUtcNow();
        if (ticket.Epoch != _epoch || _queue.Standing(ticket.Number, now, admissionsPerMinute) is not { } standing)
            return Task.FromResult<QueueStanding?>(null);
        return Task.FromResult<QueueStanding?>(ToStanding(ticket, standing, now));
    }

    public Task<bool> UsePass(WaitingTicket ticket, int holdsPerPass, TimeSpan passLifetime) =>
        Task.FromResult(ticket.Epoch == _epoch && _passes.TryUse(ticket.Number, holdsPerPass, clock.GetUtcNow() - passLifetime));

    public Task ReturnPassUse(WaitingTicket ticket)
    {
        if (ticket.Epoch == _epoch)
            _passes.Return(ticket.Number);
        return Task.CompletedTask;
    }

    private QueueStanding ToStanding(WaitingTicket ticket, TicketStanding standing, DateTimeOffset now)
    {
        if (standing.Admitted)
            DelayDeactivation(TimeSpan.FromHours(1));
        return new(ticket, standing.Position, standing.EstimatedWaitSeconds, standing.Admitted,
            standing.Admitted ? _passes.AdmittedAt(ticket.Number, now) : null);
    }
}
