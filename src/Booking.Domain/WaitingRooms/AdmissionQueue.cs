namespace Booking.Domain.WaitingRooms;

/// <summary>Where a ticket stands: admitted, or how many are ahead (position 1 = next) and roughly how long it will take.</summary>
public readonly record struct TicketStanding(long Position, int EstimatedWaitSeconds, bool Admitted);

/// <summary>What a queue must remember to go on after a restart: the next number to hand out, the last one admitted,
/// and the admissions it had banked (<paramref name="Tokens"/>) when it last moved (<paramref name="At"/>).</summary>
public readonly record struct QueueMark(long NextTicket, long Frontier, double Tokens, DateTimeOffset At)
{
    /// <summary>Whether anyone's place or admission changed since <paramref name="other"/>: the bank alone moves with time.</summary>
    public bool SamePlaces(QueueMark other) => NextTicket == other.NextTicket && Frontier == other.Frontier;
}

/// <summary>
/// A fair queue with a token bucket: tickets are numbered in arrival order and admitted strictly in that order, at most
/// <c>perMinute</c> a minute. Tokens build up while nobody waits (up to a few seconds' worth), so when the room is
/// quiet a new visitor goes straight through; when arrivals outrun the rate, they queue. Pure: time is passed in.
/// </summary>
public sealed class AdmissionQueue(DateTimeOffset now)
{
    private long _nextTicket = 1;
    private long _frontier;
    private double _tokens = double.MaxValue;
    private DateTimeOffset _updatedAt = now;

    /// <summary>Tickets handed out so far.</summary>
    public long Issued => _nextTicket - 1;

    public QueueMark Mark => new(_nextTicket, _frontier, _tokens, _updatedAt);

    /// <summary>Tickets handed out and not yet admitted, as of the last call.</summary>
    public long Waiting => _nextTicket - 1 - _frontier;

    /// <summary>
    /// A queue that goes on from a mark saved before a restart. Tickets handed out after that mark are unknown, so
    /// numbering resumes <paramref name="unsavedAllowance"/> further on: those tickets keep their place, and the gap's
    /// unused numbers are admitted like any others. Admissions made after the mark are unknown too, so the queue goes
    /// on from the mark's bank and time, at most <paramref name="owedFor"/> back (how long after its last move a mark
    /// may be the last one saved): its next call admits what the rate owed since, at least as far as the lost queue
    /// had gone, so no visitor it admitted is told to wait again while a later ticket is through. The rest of a longer
    /// outage is not owed: a queue back from one does not let it all through at once.
    /// </summary>
    public static AdmissionQueue Resume(QueueMark mark, long unsavedAllowance, TimeSpan owedFor, DateTimeOffset now)
    {
        var from = mark.At > now - owedFor ? mark.At : now - owedFor;
        return new(from) { _nextTicket = mark.NextTicket + unsavedAllowance, _frontier = mark.Frontier, _tokens = mark.Tokens };
    }

    /// <summary>How many may pass at once after a quiet spell: five seconds' worth of the rate, at least one.</summary>
    public static int Burst(int perMinute) => Math.Max(1, perMinute / 12);

    public long Issue(DateTimeOffset now, int perMinute)
    {
        Advance(now, perMinute);
        var ticket = _nextTicket++;
        Advance(now, perMinute);
        return ticket;
    }

    /// <summary>The queue now, for web hosts to answer waiting visitors from (see <see cref="AdmissionWatermark.Waiting"/>).</summary>
    public AdmissionWatermark Watermark(DateTimeOffset now, int perMinute)
    {
        Advance(now, perMinute);
        return new AdmissionWatermark(_frontier, _nextTicket, _tokens);
    }

    /// <summary>Null for a ticket this queue never issued.</summary>
    public TicketStanding? Standing(long ticket, DateTimeOffset now, int perMinute)
    {
        if (ticket < 1 || ticket >= _nextTicket)
            return null;
        Advance(now, perMinute);
        if (ticket <= _frontier)
            return new TicketStanding(0, 0, true);
        return WaitingStanding(ticket - _frontier, _tokens, perMinute);
    }

    /// <summary>A ticket <paramref name="position"/> places from the front, with <paramref name="tokens"/> banked towards
    /// the next admissions.</summary>
    internal static TicketStanding WaitingStanding(long position, double tokens, int perMinute)
    {
        var seconds = Math.Max(1, Math.Ceiling((position - tokens) * 60.0 / perMinute));
        return new TicketStanding(position, (int)Math.Min(seconds, int.MaxValue), false);
    }

    private void Advance(DateTimeOffset now, int perMinute)
    {
        var elapsed = Math.Max(0, (now - _updatedAt).TotalSeconds);
        _updatedAt = now > _updatedAt ? now : _updatedAt;
        // Admit first, then cap what is left: the cap limits what builds up while nobody waits, not what the rate
        // owes the visitors who did wait since the last call, however long ago that was.
        var tokens = _tokens + elapsed * perMinute / 60.0;
        var waiting = _nextTicket - 1 - _frontier;
        var admitted = (long)Math.Min(waiting, Math.Floor(tokens));
        _frontier += admitted;
        _tokens = Math.Min(Burst(perMinute), tokens - admitted);
    }
}
