namespace Booking.Domain.WaitingRooms;

/// <summary>
/// When each admitted ticket was first seen admitted (its pass's start, so asking again gives the same pass) and how many
/// holds its pass has served. Admissions arrive in time order, so old ones are dropped from the front. Pure: time is passed in.
/// </summary>
public sealed class PassUses
{
    /// <summary>No pass lives longer than this (WaitingRoom:PassMinutes is at most a day).</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    private readonly Dictionary<long, (DateTimeOffset AdmittedAt, int Used)> _passes = [];
    private readonly Queue<(long Ticket, DateTimeOffset AdmittedAt)> _inOrder = new();

    /// <summary>The instant the ticket's pass started, recorded the first time it is asked for.</summary>
    public DateTimeOffset AdmittedAt(long ticket, DateTimeOffset now)
    {
        Forget(now - Longest);
        if (_passes.TryGetValue(ticket, out var pass))
            return pass.AdmittedAt;
        _passes[ticket] = (now, 0);
        _inOrder.Enqueue((ticket, now));
        return now;
    }

    /// <summary>True once the ticket's pass has started (and for a day after).</summary>
    public bool Knows(long ticket) => _passes.ContainsKey(ticket);

    /// <summary>Counts one use of an admitted ticket's pass, unless it started before <paramref name="startedAfter"/> or is used up.</summary>
    public bool TryUse(long ticket, int limit, DateTimeOffset startedAfter)
    {
        if (!_passes.TryGetValue(ticket, out var pass) || pass.AdmittedAt <= startedAfter || pass.Used >= limit)
            return false;
        _passes[ticket] = pass with { Used = pass.Used + 1 };
        return true;
    }

    public void Return(long ticket)
    {
        if (_passes.TryGetValue(ticket, out var pass) && pass.Used > 0)
            _passes[ticket] = pass with { Used = pass.Used - 1 };
    }

    private void Forget(DateTimeOffset before)
    {
        while (_inOrder.TryPeek(out var oldest) && oldest.AdmittedAt < before)
            _passes.Remove(_inOrder.Dequeue().Ticket);
    }
}
