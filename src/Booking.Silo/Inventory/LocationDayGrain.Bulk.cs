using Booking.Data.Bulk;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Booking.Grains;
using Booking.Grains.Inventory;

namespace Booking.Silo.Inventory;

/// <summary>A bulk job's side of the clinic-day: many moves in or cancellations at once, each seat decided here like
/// a citizen's hold, so a bulk move and a stampede of citizens on the same day never exceed a slot's capacity.</summary>
public sealed partial class LocationDayGrain
{
    public async Task<IReadOnlyList<BulkMoveOutcome>> TakeBulkMoves(BulkMoveBatch batch)
    {
        var outcomes = new BulkMoveOutcome[batch.Moves.Count];
        var claims = new List<(int Index, Guid ClaimId, BulkMoveRow Row)>();
        // Every seat is claimed before the first await, in one turn: no citizen's hold can come between.
        for (var i = 0; i < batch.Moves.Count; i++)
        {
            var move = batch.Moves[i];
            var holdId = HoldId.New(_key, move.ServiceCode);
            var claimId = Guid.NewGuid();
            if (_inventory.TryHold(new SlotKey(move.ServiceCode, move.Start), holdId, Now, _options.HoldDuration) is HoldOutcome.Held
                && _inventory.ClaimSeat(holdId, claimId, Now) is ClaimOutcome.Claimed { Slot: var slot, Seat: var seat })
                claims.Add((i, claimId, new BulkMoveRow(move.BookingId, move.ExpectedVersion, slot, seat, holdId)));
            else
                outcomes[i] = BulkMoveOutcome.Full;
        }
        if (claims.Count == 0)
            return outcomes;

        IReadOnlySet<Guid> moved;
        try
        {
            moved = await bulkChanges.MoveAsync(batch.JobId, _key.LocationId, claims.Select(c => c.Row).ToList());
        }
        catch
        {
            // Whether the statement landed is unknown: give the seats back and rebuild from the database.
            foreach (var claim in claims)
                _inventory.ReleaseSeat(claim.ClaimId);
            DeactivateOnIdle();
            throw;
        }
        foreach (var (index, claimId, row) in claims)
        {
            if (moved.Contains(row.BookingId))
            {
                _inventory.TransferSeat(claimId, row.BookingId);
                outcomes[index] = BulkMoveOutcome.Moved;
            }
            else
            {
                _inventory.ReleaseSeat(claimId);
                outcomes[index] = BulkMoveOutcome.BookingChanged;
            }
        }
        await TellOldClinicDays(batch.Moves.Where(m => m.From != _key && moved.Contains(m.BookingId)));
        return outcomes;
    }

    /// <summary>The moves are durable; a clinic-day that cannot be told now keeps those seats taken (the safe side)
    /// until it next rebuilds from the database.</summary>
    private async Task TellOldClinicDays(IEnumerable<BulkMove> moves)
    {
        foreach (var from in moves.GroupBy(m => m.From))
        {
            try
            {
                await grains.Get<ILocationDayGrain>(from.Key.ToString()).SeatsMovedAway(from.Select(m => m.BookingId).ToList());
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not release {Count} old seats in {From}", from.Count(), from.Key);
            }
        }
    }

    public Task SeatsMovedAway(IReadOnlyList<Guid> bookingIds)
    {
        foreach (var bookingId in bookingIds)
            FreeSeat(bookingId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OfferHold?>> HoldForOffers(OfferHolds request)
    {
        var holdFor = request.ExpiresAt - Now;
        var holds = request.Starts.Select(start =>
        {
            var holdId = HoldId.New(_key, request.ServiceCode);
            return _inventory.TryHold(new SlotKey(request.ServiceCode, start), holdId, Now, holdFor) is HoldOutcome.Held { Hold: var hold }
                ? new OfferHold(holdId, hold.Slot.End)
                : null;
        }).ToList();
        // The holds live in memory: stay active as long as they do (a silo lost meanwhile loses them; see docs/staff-site.md).
        if (holds.Any(h => h is not null))
            DelayDeactivation(holdFor);
        return Task.FromResult<IReadOnlyList<OfferHold?>>(holds);
    }

    public async Task<int> CancelInBulk(BulkCancelBatch batch)
    {
        var cancelled = await bulkChanges.CancelAsync(batch.JobId, batch.Cancels.Select(c => (c.BookingId, c.ExpectedVersion)).ToList());
        foreach (var bookingId in cancelled)
            FreeSeat(bookingId);
        return cancelled.Count;
    }
}
