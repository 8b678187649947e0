using Booking.Domain.Catalog;

namespace Booking.Domain.WaitingRooms;

/// <summary>
/// Counts a waiting room's day as its queue moves, for <see cref="WaitingRoomFigures"/>: each call is a few arithmetic
/// operations, and the only thing kept per ticket is when each ticket still waiting was handed out (dropped on its
/// admission). An admission is seen when the queue next moves, that is when a visitor enters or asks where they
/// stand, so a wait is measured to the visitors' polling. A new day in Québec starts new figures; the finished day's
/// are kept in <see cref="Finished"/> until saved. Pure: time is passed in.
/// </summary>
public sealed class WaitingRoomStatistics
{
    private readonly string _room;
    private readonly Queue<(long Ticket, DateTimeOffset IssuedAt)> _waiting = new();
    private readonly Queue<WaitingRoomFigures> _finished = new();
    private Day? _day;

    public WaitingRoomStatistics(string room) => _room = room;

    /// <summary>Goes on with a day saved before a restart; <paramref name="interrupted"/> when visitors were waiting then.</summary>
    public WaitingRoomStatistics(WaitingRoomFigures saved, bool interrupted) : this(saved.Room) =>
        _day = new Day(saved.Day, saved.AdmissionsPerMinute)
        {
            FirstTicketAt = saved.FirstTicketAt,
            Arrivals = saved.Arrivals, Admitted = saved.Admitted, PassesCollected = saved.PassesCollected, PeakWaiting = saved.PeakWaiting,
            Waits = new WaitHistogram(saved.Waits), MaxWaitSeconds = saved.MaxWaitSeconds, Interrupted = saved.Interrupted || interrupted,
        };

    /// <summary>Days that ended and were not saved yet, oldest first.</summary>
    public Queue<WaitingRoomFigures> Finished => _finished;

    /// <summary>The current day's figures, or null before the room's first ticket.</summary>
    public WaitingRoomFigures? Current => _day?.Figures(_room);

    /// <summary>Changes with every count, so that unchanged figures need not be saved again.</summary>
    public long Version { get; private set; }

    public void Issued(long ticket, DateTimeOffset now, int admissionsPerMinute)
    {
        var day = On(now) ?? (_day = new Day(QuebecTime.DateOf(QuebecTime.Zone, now), admissionsPerMinute));
        day.FirstTicketAt ??= now;
        day.AdmissionsPerMinute = admissionsPerMinute;
        day.Arrivals++;
        Version++;
        _waiting.Enqueue((ticket, now));
    }

    /// <summary>The queue as it stands: admitted up to <paramref name="frontier"/>, <paramref name="waiting"/> behind it.</summary>
    public void Moved(long frontier, long waiting, DateTimeOffset now)
    {
        if (On(now) is not { } day)
            return;
        if (waiting > day.PeakWaiting)
        {
            day.PeakWaiting = waiting;
            Version++;
        }
        while (_waiting.TryPeek(out var next) && next.Ticket <= frontier)
        {
            _waiting.Dequeue();
            var seconds = (long)Math.Floor(Math.Max(0, (now - next.IssuedAt).TotalSeconds));
            day.Admitted++;
            day.Waits.Add(seconds);
            day.MaxWaitSeconds = Math.Max(day.MaxWaitSeconds ?? 0, seconds);
            Version++;
        }
    }

    public void PassCollected(DateTimeOffset now)
    {
        if (On(now) is not { } day)
            return;
        day.PassesCollected++;
        Version++;
    }

    /// <summary>The current day if <paramref name="now"/> is still in it; a day that ended is set aside in <see cref="Finished"/>.</summary>
    private Day? On(DateTimeOffset now)
    {
        if (_day is null)
            return null;
        var today = QuebecTime.DateOf(QuebecTime.Zone, now);
        if (_day.Date == today)
            return _day;
        _finished.Enqueue(_day.Figures(_room));
        _day = new Day(today, _day.AdmissionsPerMinute);
        Version++;
        return _day;
    }

    private sealed class Day(DateOnly date, int admissionsPerMinute)
    {
        public DateOnly Date => date;
        public DateTimeOffset? FirstTicketAt { get; set; }
        public int AdmissionsPerMinute { get; set; } = admissionsPerMinute;
        public long Arrivals { get; set; }
        public long Admitted { get; set; }
        public long PassesCollected { get; set; }
        public long PeakWaiting { get; set; }
        public WaitHistogram Waits { get; init; } = new();
        public long? MaxWaitSeconds { get; set; }
        public bool Interrupted { get; init; }

        public WaitingRoomFigures Figures(string room) => new(room, date, FirstTicketAt, AdmissionsPerMinute, Arrivals, Admitted, PassesCollected,
            PeakWaiting, Waits.Counts, MaxWaitSeconds, Interrupted);
    }
}
