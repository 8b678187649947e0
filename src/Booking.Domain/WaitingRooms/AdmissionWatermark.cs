namespace Booking.Domain.WaitingRooms;

/// <summary>
/// A queue as it stood at one instant (<see cref="AdmissionQueue.Watermark"/>): the last ticket admitted, the next to
/// hand out and the admissions banked. Enough for a web host to tell a waiting visitor their place without asking the
/// room, for a short while after it was taken.
/// </summary>
public readonly record struct AdmissionWatermark(long Frontier, long NextTicket, double Tokens)
{
    /// <summary>
    /// Where a ticket not yet admitted stands <paramref name="elapsed"/> after the watermark, as the queue itself would say
    /// while visitors keep waiting; null when the queue may have admitted it by then. The queue admits one ticket per
    /// whole token and tokens accrue at the rate, so by then it cannot have gone past the frontier plus the tokens banked
    /// and accrued: a null is the only answer that may mean "admitted", and only the room can turn it into one.
    /// </summary>
    public TicketStanding? Waiting(long ticket, TimeSpan elapsed, int perMinute)
    {
        var tokens = Tokens + Math.Max(0, elapsed.TotalSeconds) * perMinute / 60.0;
        var reachable = Frontier + (long)Math.Floor(tokens);
        if (ticket <= reachable)
            return null;
        return AdmissionQueue.WaitingStanding(ticket - reachable, tokens - Math.Floor(tokens), perMinute);
    }
}
