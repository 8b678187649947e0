using Booking.Domain.Scheduling;

namespace Booking.Domain.Inventory;

/// <summary>
/// The capacity book of one clinic-day: slots, holds and seats. Not thread-safe by design: its owner
/// (an Orleans grain) serialises every call, which is what makes over-capacity impossible, not unlikely.
/// Invariant: for every slot, seats taken + live holds ≤ capacity whenever a hold is granted.
/// </summary>
public sealed class SlotInventory
{
    private readonly Dictionary<SlotKey, SlotBook> _slots = new();
    private readonly Dictionary<string, Hold> _holds = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, SeatAssignment> _seats = new();
    private readonly PriorityQueue<string, DateTimeOffset> _expiries = new();
    private readonly Dictionary<string, DateTimeOffset> _expired = new(StringComparer.Ordinal);
    private readonly Queue<(string HoldId, DateTimeOffset ExpiredAt)> _expiredInOrder = new();
    private readonly HashSet<string> _changedServices = new(StringComparer.Ordinal);

    /// <summary>How long an expired hold is remembered, so a late confirmation hears "expired", not "unknown".</summary>
    public static readonly TimeSpan ExpiredHoldMemory = TimeSpan.FromHours(1);

    public SlotInventory(IEnumerable<Slot> slots, IEnumerable<SeatAssignment> taken)
    {
        foreach (var slot in slots)
            _slots[slot.Key.Normalised()] = new SlotBook(slot with { Start = slot.Start.ToUniversalTime(), End = slot.End.ToUniversalTime() });
        foreach (var seat in taken)
            Occupy(seat with { Slot = seat.Slot.Normalised() });
        _changedServices.UnionWith(Services);
    }

    /// <summary>
    /// Lays the clinic-day out anew (a schedule change) without losing anyone: every seat stays with its booking (one
    /// whose slot is gone keeps it, as when loaded), and each live hold stays if its slot is still there, not started
    /// and has room; a hold that does not fit is ended as if it had expired, so its confirmation says so.
    /// </summary>
    public void Reschedule(IEnumerable<Slot> slots, DateTimeOffset now)
    {
        PurgeExpiredHolds(now);
        _changedServices.UnionWith(Services);
        var holds = _holds.Values.OrderBy(h => h.ExpiresAt).ToList();
        _slots.Clear();
        _holds.Clear();
        foreach (var slot in slots)
            _slots[slot.Key.Normalised()] = new SlotBook(slot with { Start = slot.Start.ToUniversalTime(), End = slot.End.ToUniversalTime() });
        foreach (var seat in _seats.Values.ToList())
            Occupy(seat);
        foreach (var hold in holds)
        {
            if (_slots.TryGetValue(hold.Slot.Key, out var book) && book.Slot.Start > now && book.Remaining > 0)
                Grant(book, hold.HoldId, hold.ExpiresAt, queueExpiry: false);
            else
                Expire(hold.HoldId, now);
        }
        _changedServices.UnionWith(Services);
    }

    /// <summary>The slots laid out now, with those kept only for a booking whose slot is gone (capacity 0).</summary>
    public IReadOnlyList<Slot> Slots => _slots.Values.Select(b => b.Slot).ToList();

    /// <summary>Every seat taken, by bookings confirmed or being committed.</summary>
    public IReadOnlyList<SeatAssignment> Seats => _seats.Values.ToList();

    public HoldOutcome TryHold(SlotKey key, string holdId, DateTimeOffset now, TimeSpan holdFor)
    {
        PurgeExpiredHolds(now);
        if (!_slots.TryGetValue(key.Normalised(), out var book) || book.Slot.Capacity == 0)
            return new HoldOutcome.NoSuchSlot();
        if (book.Slot.Start <= now)
            return new HoldOutcome.SlotStarted();
        if (book.Remaining == 0)
            return new HoldOutcome.Full();

        return new HoldOutcome.Held(Grant(book, holdId, now + holdFor));
    }

    public Hold? FindHold(string holdId) => _holds.GetValueOrDefault(holdId);

    /// <summary>The holds still running at <paramref name="now"/>, to hand over to another owner of this clinic-day.</summary>
    public IReadOnlyList<Hold> LiveHolds(DateTimeOffset now)
    {
        PurgeExpiredHolds(now);
        return _holds.Values.ToList();
    }

    /// <summary>Takes back a hold granted by an earlier owner of this clinic-day, with its id and expiry, if it is still
    /// running and its slot still has room (the seats loaded since are the truth).</summary>
    public bool RestoreHold(string holdId, SlotKey key, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        PurgeExpiredHolds(now);
        if (expiresAt <= now || _holds.ContainsKey(holdId) || !_slots.TryGetValue(key.Normalised(), out var book)
            || book.Slot.Start <= now || book.Remaining == 0)
            return false;
        Grant(book, holdId, expiresAt);
        return true;
    }

    private Hold Grant(SlotBook book, string holdId, DateTimeOffset expiresAt, bool queueExpiry = true)
    {
        var hold = new Hold(holdId, book.Slot, expiresAt);
        book.Holds++;
        _changedServices.Add(book.Slot.ServiceCode);
        _holds.Add(holdId, hold);
        if (queueExpiry)
            _expiries.Enqueue(holdId, expiresAt);
        return hold;
    }

    public bool ReleaseHold(string holdId)
    {
        if (!_holds.Remove(holdId, out var hold))
            return false;
        _slots[hold.Slot.Key].Holds--;
        _changedServices.Add(hold.Slot.ServiceCode);
        return true;
    }

    /// <summary>Turns a live hold into a seat for <paramref name="bookingId"/>. The seat counts as taken
    /// from now on; if the booking then fails to commit, the caller gives it back with <see cref="ReleaseSeat"/>.</summary>
    public ClaimOutcome ClaimSeat(string holdId, Guid bookingId, DateTimeOffset now)
    {
        PurgeExpiredHolds(now);
        if (!_holds.TryGetValue(holdId, out var hold))
            return HasExpired(holdId) ? new ClaimOutcome.HoldExpired() : new ClaimOutcome.UnknownHold();
        ReleaseHold(holdId);

        var book = _slots[hold.Slot.Key];
        var seat = book.LowestFreeSeat();
        Occupy(new SeatAssignment(bookingId, hold.Slot.Key, seat));
        return new ClaimOutcome.Claimed(book.Slot, seat, hold);
    }

    /// <summary>Gives the seat claimed for <paramref name="bookingId"/> back to the hold it was claimed with, when the
    /// booking was refused for the citizen's sake rather than the slot's: the hold runs on to its own expiry, as if it had
    /// not been presented. One that cannot run on (its time is up, or its slot is gone) ends as if it had expired.</summary>
    public void ReturnToHold(Guid bookingId, Hold hold, DateTimeOffset now)
    {
        ReleaseSeat(bookingId);
        if (!RestoreHold(hold.HoldId, hold.Slot.Key, hold.ExpiresAt, now))
            Expire(hold.HoldId, now);
    }

    /// <summary>
    /// Seats someone who came without an appointment: in the slot of <paramref name="serviceCode"/> under way at
    /// <paramref name="now"/> if it has room, else in the next one that has. Room is a free seat, or one of
    /// <paramref name="extraSeats"/> beyond the capacity (the clinic's walk-in policy); live holds keep theirs. The seat
    /// counts as taken at once, as for <see cref="ClaimSeat"/>; if the booking then fails to commit, the caller gives it
    /// back with <see cref="ReleaseSeat"/>.
    /// </summary>
    public WalkInOutcome SeatWalkIn(string serviceCode, Guid bookingId, DateTimeOffset now, int extraSeats)
    {
        PurgeExpiredHolds(now);
        var book = _slots.Values
            .Where(b => b.Slot.ServiceCode == serviceCode && b.Slot.Capacity > 0 && b.Slot.End > now)
            .OrderBy(b => b.Slot.Start)
            .FirstOrDefault(b => b.Slot.Capacity + extraSeats - b.Seats.Count - b.Holds > 0);
        if (book is null)
            return new WalkInOutcome.NoRoom();
        // Fewer seats taken than capacity + extra seats, so the lowest free one is below that bound too.
        var seat = book.LowestFreeSeat();
        Occupy(new SeatAssignment(bookingId, book.Slot.Key, seat));
        return new WalkInOutcome.Seated(book.Slot, seat, book.Slot.Capacity + extraSeats);
    }

    public SeatAssignment? FindSeat(Guid bookingId) => _seats.TryGetValue(bookingId, out var s) ? s : null;

    public bool ReleaseSeat(Guid bookingId)
    {
        if (!_seats.Remove(bookingId, out var assignment))
            return false;
        _slots[assignment.Slot].Seats.Remove(assignment.Seat);
        _changedServices.Add(assignment.Slot.ServiceCode);
        return true;
    }

    /// <summary>True for a hold that ran out (within <see cref="ExpiredHoldMemory"/>), as opposed to one never granted here.</summary>
    public bool HasExpired(string holdId) => _expired.ContainsKey(holdId);

    /// <summary>The services whose availability changed since the last call (holds, seats, expiries), for publishing.</summary>
    public IReadOnlyList<string> TakeChangedServices()
    {
        var changed = _changedServices.ToList();
        _changedServices.Clear();
        return changed;
    }

    /// <summary>Completes a move within this clinic-day: the booking gives up its old seat and keeps the one claimed
    /// for the move under <paramref name="claimId"/>.</summary>
    public void TransferSeat(Guid claimId, Guid bookingId)
    {
        ReleaseSeat(bookingId);
        if (_seats.Remove(claimId, out var claimed))
            _seats[bookingId] = claimed with { BookingId = bookingId };
    }

    public int Remaining(SlotKey key, DateTimeOffset now)
    {
        PurgeExpiredHolds(now);
        return _slots.TryGetValue(key.Normalised(), out var book) ? book.Remaining : 0;
    }

    public IEnumerable<string> Services => _slots.Keys.Select(k => k.ServiceCode).Distinct();

    /// <summary>Bookable slots of a service that have not started, full ones included, with what is left of each.</summary>
    public IReadOnlyList<SlotAvailability> Availability(string serviceCode, DateTimeOffset now)
    {
        PurgeExpiredHolds(now);
        // Made each time a clinic-day publishes a change: counted first, so that one array of the right size is all it
        // allocates (a growing list costs three times that), then sorted in place (a service has one slot per start).
        var count = 0;
        foreach (var book in _slots.Values)
        {
            if (IsOffered(book.Slot))
                count++;
        }
        var open = new SlotAvailability[count];
        var next = 0;
        foreach (var book in _slots.Values)
        {
            if (IsOffered(book.Slot))
                open[next++] = new SlotAvailability(book.Slot.Start, book.Slot.End, book.Remaining, book.Slot.Capacity);
        }
        Array.Sort(open, static (a, b) => a.Start.CompareTo(b.Start));
        return open;

        bool IsOffered(Slot slot) => slot.ServiceCode == serviceCode && slot.Start > now && slot.Capacity > 0;
    }

    /// <summary>Drops holds whose time is up. Every read and write does this first, so an expired hold never counts.</summary>
    public void PurgeExpiredHolds(DateTimeOffset now)
    {
        while (_expiries.TryPeek(out var holdId, out var expiresAt) && expiresAt <= now)
        {
            _expiries.Dequeue();
            // A hold released or claimed earlier is no longer in _holds; its queue entry is just skipped.
            if (ReleaseHold(holdId))
                Expire(holdId, now);
        }
        while (_expiredInOrder.TryPeek(out var old) && now - old.ExpiredAt > ExpiredHoldMemory)
            _expired.Remove(_expiredInOrder.Dequeue().HoldId);
    }

    private void Expire(string holdId, DateTimeOffset now)
    {
        _expired[holdId] = now;
        _expiredInOrder.Enqueue((holdId, now));
    }

    private void Occupy(SeatAssignment seat)
    {
        if (!_slots.TryGetValue(seat.Slot, out var book))
        {
            // A booking whose slot the schedule no longer has (e.g. a closure added later): keep its seat so it
            // can still be cancelled or moved, but offer nothing new there.
            book = new SlotBook(new Slot(seat.Slot.ServiceCode, seat.Slot.Start, seat.Slot.Start, 0));
            _slots[seat.Slot] = book;
        }
        book.Seats.Add(seat.Seat);
        _seats[seat.BookingId] = seat;
        _changedServices.Add(seat.Slot.ServiceCode);
    }

    private sealed class SlotBook(Slot slot)
    {
        public Slot Slot { get; } = slot;
        public HashSet<int> Seats { get; } = [];
        public int Holds { get; set; }

        // Seats above a reduced capacity still hold real people, so they count against what is left.
        public int Remaining => Math.Max(0, Slot.Capacity - Seats.Count - Holds);

        public int LowestFreeSeat()
        {
            var seat = 0;
            while (Seats.Contains(seat))
                seat++;
            return seat;
        }
    }
}
