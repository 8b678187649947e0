namespace Booking.Testing;

/// <summary>
/// The suite's clock (<see cref="TestClock"/>) for a host under test, which a test may put ahead for a while: a hold's
/// expiry is reached by moving past it rather than by waiting it out. It keeps ticking in real time, as the cluster
/// needs, and goes back to the suite's time when the move is disposed, so later tests see the clock they expect.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _aheadTicks;

    public override DateTimeOffset GetUtcNow() => TestClock.Now.AddTicks(Interlocked.Read(ref _aheadTicks));

    /// <summary>Puts the clock <paramref name="by"/> ahead until the result is disposed.</summary>
    public IDisposable Ahead(TimeSpan by)
    {
        Interlocked.Add(ref _aheadTicks, by.Ticks);
        return new Move(this, by);
    }

    /// <summary>Puts every one of <paramref name="clocks"/> ahead together (the silos of one cluster).</summary>
    public static IDisposable Ahead(IEnumerable<MovableClock> clocks, TimeSpan by) => new Moves(clocks.Select(c => c.Ahead(by)).ToList());

    private sealed class Move(MovableClock clock, TimeSpan by) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Add(ref clock._aheadTicks, -by.Ticks);
        }
    }

    private sealed class Moves(IReadOnlyList<IDisposable> moves) : IDisposable
    {
        public void Dispose()
        {
            foreach (var move in moves)
                move.Dispose();
        }
    }
}
