namespace Booking.Domain.WaitingRooms;

/// <summary>
/// A waiting room's figures for one day in Québec (the day's opening of a campaign, and any later day the room is still
/// in front of it), as saved for the ministry's extracts: counts and a histogram of waits, never a ticket or who held it.
/// </summary>
/// <param name="FirstTicketAt">When the day's first ticket was handed out: the room's opening, that day (null on a day
/// that only admitted the day before's tickets).</param>
/// <param name="AdmissionsPerMinute">The admission rate configured, as the web hosts last gave it.</param>
/// <param name="Arrivals">Tickets handed out that day.</param>
/// <param name="Admitted">Tickets admitted that day (some may have arrived the day before).</param>
/// <param name="PassesCollected">Admitted visitors who came back for their pass; the others had left.</param>
/// <param name="PeakWaiting">The longest the queue was, in tickets not yet admitted.</param>
/// <param name="Waits">Per bucket of <see cref="WaitHistogram"/>, the admitted tickets whose wait fell in it.</param>
/// <param name="MaxWaitSeconds">The longest wait from ticket to admission; null when nobody was admitted.</param>
/// <param name="Interrupted">The room restarted that day with visitors waiting (its silo was lost): their admissions
/// and waits are not counted.</param>
public sealed record WaitingRoomFigures(
    string Room,
    DateOnly Day,
    DateTimeOffset? FirstTicketAt,
    int AdmissionsPerMinute,
    long Arrivals,
    long Admitted,
    long PassesCollected,
    long PeakWaiting,
    long[] Waits,
    long? MaxWaitSeconds,
    bool Interrupted)
{
    public int? MedianWaitSeconds => new WaitHistogram(Waits).Percentile(0.5);

    public int? P90WaitSeconds => new WaitHistogram(Waits).Percentile(0.9);
}
