namespace Booking.Domain.Inventory;

/// <summary>
/// A clinic-day's account of the seats it owes the waiting list. A seat freed (a cancellation, a move away, new
/// capacity) is owed once; while it is offered, its hold stands for it. When the offer is over the seat is owed again
/// only if the hold ran out or was declined, never when it was taken (booked): one seat freed, one offer open at a time.
/// </summary>
public sealed class WaitingListSeats
{
    private readonly Dictionary<string, int> _owed = new(StringComparer.Ordinal);
    /// <summary>The holds offered to someone on the list, by hold id, with their service.</summary>
    private readonly Dictionary<string, string> _offered = new(StringComparer.Ordinal);

    public void Freed(string serviceCode, int seats = 1) => _owed[serviceCode] = _owed.GetValueOrDefault(serviceCode) + seats;

    /// <summary>The seat held under <paramref name="holdId"/> is offered (or being offered) to someone on the list.</summary>
    public void Offering(string holdId, string serviceCode) => _offered[holdId] = serviceCode;

    public bool IsOffered(string holdId) => _offered.ContainsKey(holdId);

    /// <summary>The offered seat's hold now goes by <paramref name="newHoldId"/> (a hold handed over through a stop, taken
    /// back under the citizen's own id).</summary>
    public void Renamed(string holdId, string newHoldId)
    {
        if (_offered.Remove(holdId, out var serviceCode))
            _offered[newHoldId] = serviceCode;
    }

    /// <summary>Nobody on the list could have the held seat: it is owed to nobody any more (its hold is released).</summary>
    public void NobodyTook(string holdId) => _offered.Remove(holdId);

    /// <summary>The hold was released: if it was an offer, the person declined it, and the seat goes to the next one.</summary>
    public void Released(string holdId)
    {
        if (_offered.Remove(holdId, out var serviceCode))
            Freed(serviceCode);
    }

    /// <summary>The seats owed now, by service, counted as handed out: the caller offers them (or gives up on them).
    /// Offers whose hold is gone are settled first: run out, the seat is owed again; taken, it is not.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TakeOwed(SlotInventory inventory)
    {
        if (_offered.Count > 0)
            foreach (var (holdId, serviceCode) in _offered.Where(o => inventory.FindHold(o.Key) is null).ToList())
            {
                _offered.Remove(holdId);
                if (inventory.HasExpired(holdId))
                    Freed(serviceCode);
            }
        if (_owed.Count == 0)
            return [];
        var owed = _owed.ToList();
        _owed.Clear();
        return owed;
    }
}
