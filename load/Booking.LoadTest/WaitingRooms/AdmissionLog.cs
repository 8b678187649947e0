using System.Globalization;

namespace Booking.LoadTest.WaitingRooms;

/// <summary>What one visitor saw, in milliseconds since the run started (NaN: not yet). <see cref="LastWaitingSentAt"/>
/// is when the last request answered "wait" was sent; <see cref="AdmittedAt"/> when the answer "admitted" came back.</summary>
public record struct TicketRecord(long Number, double ArrivedAt, double LastWaitingSentAt, double AdmittedAt, int Polls, bool LostPlace, long PositionRises)
{
    public static readonly TicketRecord None = new(0, double.NaN, double.NaN, double.NaN, 0, false, 0);

    public readonly bool Entered => Number > 0;
    public readonly bool Admitted => !double.IsNaN(AdmittedAt);
}

/// <summary>
/// Every visitor's ticket, one slot each (a visitor writes only its own, so no lock), and the checks made at the end:
/// the room is first in, first out when no ticket was told to wait after a later-numbered one had been let in. Polls
/// come every few seconds, so admission times alone cannot say that; the order of a "wait" sent after an "admitted"
/// received can, exactly, because the room never goes back on an admission.
/// </summary>
public sealed class AdmissionLog(int visitors)
{
    private readonly TicketRecord[] _tickets = Enumerable.Repeat(TicketRecord.None, visitors).ToArray();
    private readonly long[] _lastPosition = new long[visitors];

    public IReadOnlyList<TicketRecord> Tickets => _tickets;

    public void Answered(int visitor, long number, bool lostPlace, double sentAt, double receivedAt, bool admitted, long position)
    {
        ref var ticket = ref _tickets[visitor];
        if (!ticket.Entered)
            ticket = ticket with { Number = number, ArrivedAt = receivedAt };
        ticket.Polls++;
        if (lostPlace)
            ticket = ticket with { Number = number, LostPlace = true };
        if (admitted)
        {
            ticket.AdmittedAt = receivedAt;
            return;
        }
        ticket.LastWaitingSentAt = sentAt;
        if (_lastPosition[visitor] > 0 && position > _lastPosition[visitor])
            ticket.PositionRises++;
        _lastPosition[visitor] = position;
    }

    /// <summary>Tickets told to wait by a request sent after a higher-numbered ticket's "admitted" had come back: each
    /// one a visitor overtaken. Zero for a first-in, first-out room.</summary>
    public static long Overtaken(IEnumerable<TicketRecord> tickets)
    {
        var earliestAdmissionAbove = double.PositiveInfinity;
        long overtaken = 0;
        foreach (var ticket in tickets.Where(t => t.Entered).OrderByDescending(t => t.Number))
        {
            if (ticket.LastWaitingSentAt > earliestAdmissionAbove)
                overtaken++;
            if (ticket.Admitted)
                earliestAdmissionAbove = Math.Min(earliestAdmissionAbove, ticket.AdmittedAt);
        }
        return overtaken;
    }

    /// <summary>Requests a visitor sent, and how late at most a visitor saw their admission: the time from the last
    /// request answered "wait" to the "admitted" (an upper bound: the admission came in between).</summary>
    public static string Describe(IReadOnlyCollection<TicketRecord> tickets)
    {
        var entered = tickets.Where(t => t.Entered).ToList();
        var late = entered.Where(t => t.Admitted && !double.IsNaN(t.LastWaitingSentAt))
            .Select(t => (t.AdmittedAt - t.LastWaitingSentAt) / 1000).Order().ToList();
        var requests = entered.Count == 0 ? 0 : entered.Average(t => t.Polls);
        var seen = late.Count == 0 ? "no visitor waited" : string.Create(CultureInfo.InvariantCulture,
            $"{late.Count} visitors waited and saw their admission at most {late[(int)Math.Ceiling(0.5 * late.Count) - 1]:0.0} s (p50), " +
            $"{late[(int)Math.Ceiling(0.99 * late.Count) - 1]:0.0} s (p99), {late[^1]:0.0} s (max) after it");
        return string.Create(CultureInfo.InvariantCulture, $"- for information: {requests:0.0} requests a visitor; {seen}");
    }

    /// <summary>
    /// The most admissions the room surely made in any window of <paramref name="windowSeconds"/>, per second. A ticket
    /// told to wait by a request sent at t1 or later was not admitted at t1; a ticket whose "admitted" had come back by t2
    /// was admitted by then; so between the two the room admitted at least every ticket from the lowest of the first
    /// kind to the highest of the second: a lower bound, whatever the polls' interval and latency.
    /// </summary>
    public static double PeakAdmissionsPerSecond(IEnumerable<TicketRecord> tickets, double windowSeconds)
    {
        var entered = tickets.Where(t => t.Entered).ToList();
        var waited = entered.Where(t => !double.IsNaN(t.LastWaitingSentAt)).OrderBy(t => t.LastWaitingSentAt).ToArray();
        var admitted = entered.Where(t => t.Admitted).OrderBy(t => t.AdmittedAt).ToArray();
        var lowestWaitingFrom = new long[waited.Length];
        for (var i = waited.Length - 1; i >= 0; i--)
            lowestWaitingFrom[i] = Math.Min(waited[i].Number, i + 1 < waited.Length ? lowestWaitingFrom[i + 1] : long.MaxValue);
        var highestAdmittedBy = new long[admitted.Length];
        for (var j = 0; j < admitted.Length; j++)
            highestAdmittedBy[j] = Math.Max(admitted[j].Number, j > 0 ? highestAdmittedBy[j - 1] : 0);

        long peak = 0;
        var last = -1;
        for (var i = 0; i < waited.Length; i++)
        {
            var windowEnd = waited[i].LastWaitingSentAt + windowSeconds * 1000;
            while (last + 1 < admitted.Length && admitted[last + 1].AdmittedAt <= windowEnd)
                last++;
            if (last >= 0)
                peak = Math.Max(peak, highestAdmittedBy[last] - lowestWaitingFrom[i] + 1);
        }
        return peak / windowSeconds;
    }
}
