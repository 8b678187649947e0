using Booking.Contracts;
using Booking.Data.WaitingRooms;
using Booking.Domain.Catalog;
using Booking.Domain.WaitingRooms;
using Booking.Grains.WaitingRooms;

namespace Booking.Silo.WaitingRooms;

/// <summary>
/// The queue of one waiting room, in memory: every call is a few arithmetic operations, so one grain answers a whole
/// campaign's visitors. Its place in the numbering is saved every second when it changed (<see cref="WaitingRoomCheckpoint"/>),
/// off the callers' path: an activation that follows a lost silo goes on with the same tickets, in the same order, and
/// admits at least as far as the lost one had.
/// Each admission is one pass, counted here, so a pass copied to other clients serves no more holds than its owner
/// could make; those counts are not saved (after a loss, an admitted visitor is given a new pass on asking).
/// The day's figures for the ministry (<see cref="WaitingRoomStatistics"/>: counts and a histogram of waits) are counted
/// in memory on the same calls and written every few seconds, also off the callers' path.
/// </summary>
[GrainType("waitingroom")]
public sealed class WaitingRoomGrain(
    [PersistentState("waitingRoom")] IPersistentState<WaitingRoomCheckpoint> checkpoint,
    WaitingRoomMetrics metrics,
    WaitingRoomDayRepository days,
    TimeProvider clock) : Grain, IWaitingRoomGrain
{
    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SaveFiguresEvery = TimeSpan.FromSeconds(5);

    /// <summary>How long after the room last moved its last save may have been taken, a slow write included: the
    /// admissions it owed for that long are made after a loss, and no more.</summary>
    private static readonly TimeSpan OwedSinceSave = 3 * SaveEvery;
    private readonly PassUses _passes = new();
    private AdmissionQueue _queue = null!;
    private long _epoch;
    private QueueMark _saved;
    private long _measuredFrontier;
    private WaitingRoomStatistics _statistics = null!;
    private long _savedFigures;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var room = this.GetPrimaryKeyString();
        _statistics = new WaitingRoomStatistics(room);
        if (checkpoint.RecordExists)
        {
            var saved = checkpoint.State;
            _epoch = saved.Epoch;
            // A checkpoint saved before rooms kept their bank has no time: it resumes with nothing owed.
            var bankedAt = saved.BankedAt == default ? now : saved.BankedAt;
            _queue = AdmissionQueue.Resume(new QueueMark(saved.NextTicket, saved.Frontier, saved.Banked, bankedAt),
                UnsavedAllowance(saved.IssuedBetweenSaves), OwedSinceSave, now);
            if (await days.FindAsync(room, QuebecTime.DateOf(QuebecTime.Zone, now), cancellationToken) is { } today)
                _statistics = new WaitingRoomStatistics(today, interrupted: saved.NextTicket - 1 > saved.Frontier);
        }
        else
        {
            _epoch = now.UtcTicks;
            _queue = new AdmissionQueue(now);
        }
        _saved = _queue.Mark;
        _measuredFrontier = _saved.Frontier;
        // Interleaved: the write reads a copy of the mark, so visitors' calls never wait for PostgreSQL.
        this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(SaveEvery, SaveEvery) { Interleave = true });
        this.RegisterGrainTimer(SaveFiguresAsync, new GrainTimerCreationOptions(SaveFiguresEvery, SaveFiguresEvery) { Interleave = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveFiguresAsync(cancellationToken);

    /// <summary>Days that ended, then today's figures when they changed since they were last written.</summary>
    private async Task SaveFiguresAsync(CancellationToken cancellationToken)
    {
        while (_statistics.Finished.TryPeek(out var finished))
        {
            await days.SaveAsync(finished, cancellationToken);
            _statistics.Finished.Dequeue();
        }
        var version = _statistics.Version;
        if (version == _savedFigures || _statistics.Current is not { } current)
            return;
        await days.SaveAsync(current, cancellationToken);
        _savedFigures = version;
    }

    /// <summary>How far numbering resumes past the last save: twice what was handed out between the last two saves
    /// (a growing burst), and a few more.</summary>
    private static long UnsavedAllowance(long issuedBetweenSaves) => 2 * issuedBetweenSaves + 20;

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var mark = _queue.Mark;
        if (mark.SamePlaces(_saved))
            return;
        checkpoint.State = new WaitingRoomCheckpoint
        {
            Epoch = _epoch, NextTicket = mark.NextTicket, Frontier = mark.Frontier, IssuedBetweenSaves = mark.NextTicket - _saved.NextTicket,
            Banked = mark.Tokens, BankedAt = mark.At,
        };
        await checkpoint.WriteStateAsync(cancellationToken);
        _saved = mark;
    }

    public Task<QueueStanding> Enter(int admissionsPerMinute)
    {
        var now = clock.GetUtcNow();
        metrics.Called(this.GetPrimaryKeyString(), nameof(Enter));
        // A queue that is deactivated would forget its visitors' places; stay up while people may still be waiting.
        DelayDeactivation(TimeSpan.FromHours(1));
        var ticket = new WaitingTicket(_epoch, _queue.Issue(now, admissionsPerMinute));
        _statistics.Issued(ticket.Number, now, admissionsPerMinute);
        return Task.FromResult(ToStanding(ticket, _queue.Standing(ticket.Number, now, admissionsPerMinute)!.Value, now));
    }

    public Task<QueueStanding?> Standing(WaitingTicket ticket, int admissionsPerMinute)
    {
        var now = clock.GetUtcNow();
        metrics.Called(this.GetPrimaryKeyString(), nameof(Standing));
        if (ticket.Epoch != _epoch || _queue.Standing(ticket.Number, now, admissionsPerMinute) is not { } standing)
            return Task.FromResult<QueueStanding?>(null);
        return Task.FromResult<QueueStanding?>(ToStanding(ticket, standing, now));
    }

    public Task<RoomWatermark> Watermark(int admissionsPerMinute)
    {
        var now = clock.GetUtcNow();
        metrics.Called(this.GetPrimaryKeyString(), nameof(Watermark));
        var watermark = _queue.Watermark(now, admissionsPerMinute);
        // Polls of waiting visitors no longer reach the room: this call, a few a second, is what moves its figures.
        Observe(now);
        return Task.FromResult(new RoomWatermark(_epoch, watermark.Frontier, watermark.NextTicket, watermark.Tokens));
    }

    public Task<bool> UsePass(WaitingTicket ticket, int holdsPerPass, TimeSpan passLifetime) =>
        Task.FromResult(ticket.Epoch == _epoch && _passes.TryUse(ticket.Number, holdsPerPass, clock.GetUtcNow() - passLifetime));

    public Task ReturnPassUse(WaitingTicket ticket)
    {
        if (ticket.Epoch == _epoch)
            _passes.Return(ticket.Number);
        return Task.CompletedTask;
    }

    private void Observe(DateTimeOffset now)
    {
        var frontier = _queue.Mark.Frontier;
        metrics.Observe(this.GetPrimaryKeyString(), _queue.Waiting, frontier - _measuredFrontier);
        _statistics.Moved(frontier, _queue.Waiting, now);
        _measuredFrontier = frontier;
    }

    private QueueStanding ToStanding(WaitingTicket ticket, TicketStanding standing, DateTimeOffset now)
    {
        Observe(now);
        if (standing.Admitted)
        {
            DelayDeactivation(TimeSpan.FromHours(1));
            if (!_passes.Knows(ticket.Number))
                _statistics.PassCollected(now);
        }
        return new(ticket, standing.Position, standing.EstimatedWaitSeconds, standing.Admitted,
            standing.Admitted ? _passes.AdmittedAt(ticket.Number, now) : null);
    }
}
