using Booking.Data.WaitingList;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Booking.Grains.Inventory;

namespace Booking.Silo.Inventory;

/// <summary>The waiting list's side of the clinic-day: a seat freed here (a cancellation, a move away, an offer that ran
/// out) is held for the first person waiting for it and offered to them; if they do not take it in time, the hold
/// expires and the seat goes to the next. Holding before asking the list keeps the seat from anyone else meanwhile.</summary>
public sealed partial class LocationDayGrain
{
    private const int OffersPerServicePerRound = 5;

    private readonly Dictionary<string, DateTimeOffset> _nobodyWaitingUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Service, DateTimeOffset ExpiresAt)> _waitingListHolds = new(StringComparer.Ordinal);
    private int _seatsFreed;

    /// <summary>Called when seats were given back; the next publishing round offers as many to the list (a cancellation
    /// offers one seat, not the whole day).</summary>
    private void SeatFreed(int seats = 1) => _seatsFreed += seats;

    private async Task OfferFreedSeats(IReadOnlyCollection<string> changedServices)
    {
        var seats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (holdId, (service, _)) in _waitingListHolds.Where(h => h.Value.ExpiresAt <= Now).ToList())
        {
            // An offer that ran out (or was taken: then the day has no free seat for it) frees its seat for the next person.
            _waitingListHolds.Remove(holdId);
            seats[service] = seats.GetValueOrDefault(service) + 1;
        }
        if (_seatsFreed > 0)
            foreach (var service in changedServices)
                seats[service] = seats.GetValueOrDefault(service) + _seatsFreed;
        _seatsFreed = 0;
        if (_location is null)
            return;
        foreach (var (service, count) in seats)
        {
            if (_nobodyWaitingUntil.TryGetValue(service, out var quietUntil) && quietUntil > Now)
                continue;
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
            bool offered;
            try
            {
                offered = await waitingList.OfferAsync(new NewWaitingListOffer(Guid.NewGuid(), _key.LocationId, service, _key.Date, slot.Start, slot.End,
                    holdId, hold.ExpiresAt), Now, _options.WaitingListOffersPerSeatPerDay);
            }
            catch (Exception e)
            {
                _inventory.ReleaseHold(holdId);
                _seatsFreed++;
                logger.LogWarning(e, "{Grain} could not offer a freed seat to the waiting list; trying again next round", _key);
                return;
            }
            if (!offered)
            {
                // Nobody on the list may have it (each already offered it, holding another offer, or the seat offered too often today).
                _inventory.ReleaseHold(holdId);
                return;
            }
            _waitingListHolds[holdId] = (service, hold.ExpiresAt);
            DelayDeactivation(_options.WaitingListOffer);
        }
    }
}
