using Booking.Data.WaitingList;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Booking.Grains.Inventory;

namespace Booking.Silo.Inventory;

/// <summary>The waiting list's side of the clinic-day: a seat freed here is held for the first person waiting for it
/// and offered to them; the next person is offered it only when the offer is declined or runs out
/// (<see cref="WaitingListSeats"/> keeps the account). Holding before asking the list keeps the seat from anyone else.</summary>
public sealed partial class LocationDayGrain
{
    private const int OffersPerServicePerRound = 5;

    private readonly Dictionary<string, DateTimeOffset> _nobodyWaitingUntil = new(StringComparer.Ordinal);
    private readonly WaitingListSeats _listSeats = new();

    /// <summary>Gives back a booking's seat and owes it to the list (the next publishing round offers it).</summary>
    private void FreeSeat(Guid bookingId)
    {
        if (_inventory.FindSeat(bookingId) is { } seat && _inventory.ReleaseSeat(bookingId))
            _listSeats.Freed(seat.Slot.ServiceCode);
    }

    private async Task OfferFreedSeats()
    {
        // Taken before any await: a seat freed while this round waits on PostgreSQL is owed to the next round.
        var owed = _listSeats.TakeOwed(_inventory);
        if (owed.Count == 0 || _location is null)
            return;
        foreach (var (service, count) in owed)
        {
            if (_nobodyWaitingUntil.TryGetValue(service, out var quietUntil) && quietUntil > Now)
            {
                // Nobody was waiting a moment ago, but someone may have joined since: the seats stay owed, and the list
                // is asked about them when the quiet moment ends.
                _listSeats.Freed(service, count);
                continue;
            }
            if (!await waitingList.AnyWaitingAsync(service, _key.LocationId, _key.Date))
            {
                _nobodyWaitingUntil[service] = Now + _options.WaitingListQuietCheck;
                continue;
            }
            await OfferFreeSlots(service, Math.Min(count, OffersPerServicePerRound));
        }
    }

    private async Task OfferFreeSlots(string service, int seats)
    {
        // Only slots the person has time to take: the offer must run out before the slot starts.
        var free = _inventory.Availability(service, Now).Where(s => s.Remaining > 0 && s.Start > Now + _options.WaitingListOffer)
            .Take(seats).ToList();
        foreach (var slot in free)
        {
            var holdId = HoldId.New(_key, service);
            if (_inventory.TryHold(new SlotKey(service, slot.Start), holdId, Now, _options.WaitingListOffer) is not HoldOutcome.Held { Hold: var hold })
                continue;
            // Counted as offered before asking: if the answer is lost, the seat stays held until it runs out rather than
            // risk a second person being offered it while the first was.
            _listSeats.Offering(holdId, service);
            DelayDeactivation(_options.WaitingListOffer);
            try
            {
                if (await waitingList.OfferAsync(new NewWaitingListOffer(Guid.NewGuid(), _key.LocationId, service, _key.Date, slot.Start, slot.End,
                        holdId, hold.ExpiresAt), Now, _options.WaitingListOffersPerSeatPerDay))
                    continue;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "{Grain} could not offer a freed seat to the waiting list; it is offered again when its hold runs out", _key);
                return;
            }
            // Nobody on the list may have it (each already offered it, holding another offer, or the seat offered too often today).
            _listSeats.NobodyTook(holdId);
            _inventory.ReleaseHold(holdId);
            return;
        }
    }
}
