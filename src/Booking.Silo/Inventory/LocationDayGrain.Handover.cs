using Booking.Data.Bookings;
using Booking.Data.Offer;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;

namespace Booking.Silo.Inventory;

/// <summary>The clinic-day's holds through a graceful stop: left in PostgreSQL by the stopping activation, taken back
/// by the next one.</summary>
public sealed partial class LocationDayGrain
{
    private const string HandedOverPrefix = "handed-over:";

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A silo stopping gracefully leaves its live holds in PostgreSQL instead of dropping them: a citizen mid-form
        // keeps the time they chose through a rolling deploy, whichever silo activates the clinic-day next.
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown || _inventory.LiveHolds(Now) is not { Count: > 0 } live)
            return;
        try
        {
            await handedOver.SaveAsync(_key.LocationId, _key.Date,
                live.Select(h => new HandedOverHold(DigestOf(h.HoldId), h.Slot.ServiceCode, h.Slot.Start, h.ExpiresAt, _listSeats.IsOffered(h.HoldId)))
                    .ToList(), Now, cancellationToken);
            logger.LogInformation("{Grain} handed over {Count} holds", _key, live.Count);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Grain} could not hand over its {Count} holds; their citizens will hold again", _key, live.Count);
        }
    }

    /// <summary>Holds left by the previous activation go back on top of the seats just read from the database, each
    /// under its id's digest until its citizen comes back with the id (<see cref="TakeBackHandedOverHold"/>): they count
    /// against capacity at once, and only the holder of the id can use one. A hold whose slot has meanwhile filled or
    /// started is dropped (the citizen is told when confirming, as for any expiry). A seat offered to the waiting list
    /// stays offered; if its offer ran out meanwhile, or cannot be restored, the seat is owed to the list again.</summary>
    private async Task TakeBackHandedOverHolds(CancellationToken cancellationToken)
    {
        var holds = await handedOver.TakeBackAsync(_key.LocationId, _key.Date, Now, cancellationToken);
        if (holds.Count == 0)
            return;
        var restored = 0;
        foreach (var hold in holds)
        {
            var standIn = HandedOverPrefix + Convert.ToHexString(hold.HoldDigest);
            if (_inventory.RestoreHold(standIn, new SlotKey(hold.ServiceCode, hold.Start), hold.ExpiresAt, Now))
            {
                restored++;
                if (hold.OfferedToWaitingList)
                    _listSeats.Offering(standIn, hold.ServiceCode);
            }
            else if (hold.OfferedToWaitingList)
                _listSeats.Freed(hold.ServiceCode);
        }
        logger.LogInformation("{Grain} took back {Restored} of {HandedOver} holds from its previous activation", _key, restored, holds.Count);
        DelayDeactivation(_options.HoldDuration);
    }

    /// <summary>A hold id this activation does not know may be one its previous activation handed over: its row turns
    /// back into the citizen's hold, in place of the stand-in kept under its digest.</summary>
    private async Task<bool> TakeBackHandedOverHold(string holdId)
    {
        if (await handedOver.ClaimAsync(BookingDigests.Of(holdId)) is not { } hold)
            return false;
        var standIn = HandedOverPrefix + Convert.ToHexString(hold.HoldDigest);
        _inventory.ReleaseHold(standIn);
        if (!_inventory.RestoreHold(holdId, new SlotKey(hold.ServiceCode, hold.Start), hold.ExpiresAt, Now))
            return false;
        _listSeats.Renamed(standIn, holdId);
        return true;
    }

    private static byte[] DigestOf(string holdId) =>
        holdId.StartsWith(HandedOverPrefix, StringComparison.Ordinal) ? Convert.FromHexString(holdId[HandedOverPrefix.Length..]) : BookingDigests.Of(holdId);
}
