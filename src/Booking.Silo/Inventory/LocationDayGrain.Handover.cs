using Booking.Data.Bookings;
using Booking.Data.Offer;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Booking.Grains.Inventory;

namespace Booking.Silo.Inventory;

/// <summary>The clinic-day's holds through a graceful stop: left in PostgreSQL by the stopping activation, taken back
/// by the next one.</summary>
public sealed partial class LocationDayGrain
{
    private const string HandedOverPrefix = "handed-over:";

    /// <summary>Set once the holds were left for the next activation: from then on each new hold is left too, before
    /// its citizen hears of it, since the next activation may be answering before this one deactivates.</summary>
    private bool _holdsLeft;

    public Task<int> HandOverHolds()
    {
        _holdsLeft = true;
        return LeaveLiveHolds(CancellationToken.None);
    }

    private async Task<HoldResult> LeftForNextActivation(HoldResult.Held held)
    {
        try
        {
            await handedOver.SaveAsync(_key.LocationId, _key.Date,
                [new HandedOverHold(BookingDigests.Of(held.HoldId), held.ServiceCode, held.Start, held.ExpiresAt)], Now);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Grain} could not hand over a hold taken while its silo stops; its citizen may hold again", _key);
        }
        return held;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        localClinicDays.Remove(this.GetPrimaryKeyString());
        // A silo stopping gracefully leaves its live holds in PostgreSQL instead of dropping them: a citizen mid-form
        // keeps the time they chose through a rolling deploy, whichever silo activates the clinic-day next. Most were
        // left already (HoldHandoverOnStop); these are the ones taken since.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
            await LeaveLiveHolds(cancellationToken);
    }

    private async Task<int> LeaveLiveHolds(CancellationToken cancellationToken)
    {
        if (_inventory.LiveHolds(Now) is not { Count: > 0 } live)
            return 0;
        try
        {
            await handedOver.SaveAsync(_key.LocationId, _key.Date,
                live.Select(h => new HandedOverHold(DigestOf(h.HoldId), h.Slot.ServiceCode, h.Slot.Start, h.ExpiresAt)).ToList(), Now, cancellationToken);
            logger.LogInformation("{Grain} handed over {Count} holds", _key, live.Count);
            return live.Count;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Grain} could not hand over its {Count} holds; their citizens will hold again", _key, live.Count);
            return 0;
        }
    }

    /// <summary>Holds left by the previous activation go back on top of the seats just read from the database, each
    /// under its id's digest until its citizen comes back with the id (<see cref="TakeBackHandedOverHold"/>): they count
    /// against capacity at once, and only the holder of the id can use one. A hold whose slot has meanwhile filled or
    /// started is dropped (the citizen is told when confirming, as for any expiry).</summary>
    private async Task TakeBackHandedOverHolds(CancellationToken cancellationToken)
    {
        var holds = await handedOver.OfClinicDayAsync(_key.LocationId, _key.Date, Now, cancellationToken);
        if (holds.Count == 0)
            return;
        var restored = holds.Count(h => _inventory.RestoreHold(HandedOverPrefix + Convert.ToHexString(h.HoldDigest), new SlotKey(h.ServiceCode, h.Start), h.ExpiresAt, Now));
        logger.LogInformation("{Grain} took back {Restored} of {HandedOver} holds from its previous activation", _key, restored, holds.Count);
        DelayDeactivation(_options.HoldDuration);
    }

    /// <summary>A hold id this activation does not know may be one its previous activation handed over: its row turns
    /// back into the citizen's hold, in place of the stand-in kept under its digest.</summary>
    private async Task<bool> TakeBackHandedOverHold(string holdId)
    {
        if (await handedOver.ClaimAsync(BookingDigests.Of(holdId)) is not { } hold)
            return false;
        _inventory.ReleaseHold(HandedOverPrefix + Convert.ToHexString(hold.HoldDigest));
        return _inventory.RestoreHold(holdId, new SlotKey(hold.ServiceCode, hold.Start), hold.ExpiresAt, Now);
    }

    private static byte[] DigestOf(string holdId) =>
        holdId.StartsWith(HandedOverPrefix, StringComparison.Ordinal) ? Convert.FromHexString(holdId[HandedOverPrefix.Length..]) : BookingDigests.Of(holdId);
}
