using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Booking.ServiceDefaults;

/// <summary>
/// Admits client connections up to a cap, across the host's client ports, and closes the others as they are accepted.
/// A flood is told once, not per connection: one warning at the first refusal of a burst, then one every
/// <see cref="WarningInterval"/> with the count refused since, until an interval passes with none, so that the flood
/// does not also flood the logs and every refusal is still counted in a warning.
/// </summary>
internal sealed class ClientConnectionGate(long cap, ILogger<ClientConnectionGate> logger, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private long _open;
    private long _untold;
    private int _telling;
    private ITimer? _timer;

    public ConnectionDelegate Admit(ConnectionDelegate next) => async connection =>
    {
        if (Interlocked.Increment(ref _open) > cap)
        {
            Interlocked.Decrement(ref _open);
            Interlocked.Increment(ref _untold);
            StartTelling();
            // As Kestrel's own limit does: end both directions, and the transport closes the socket.
            await connection.Transport.Input.CompleteAsync();
            await connection.Transport.Output.CompleteAsync();
            return;
        }
        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    };

    public void Dispose() => _timer?.Dispose();

    /// <summary>The first refusal of a burst is told at once; the rest by the timer this starts.</summary>
    private void StartTelling()
    {
        if (Interlocked.CompareExchange(ref _telling, 1, 0) != 0)
            return;
        Tell();
        _timer = clock.CreateTimer(_ => TellOrStop(), null, WarningInterval, WarningInterval);
    }

    private void TellOrStop()
    {
        if (Interlocked.Read(ref _untold) > 0)
        {
            Tell();
            return;
        }
        _timer?.Dispose();
        Volatile.Write(ref _telling, 0);
        // A refusal after the read above but before the reset found the burst still being told: it starts the next.
        if (Interlocked.Read(ref _untold) > 0)
            StartTelling();
    }

    private void Tell() =>
        logger.LogWarning("Refused {Count} client connection(s): the host holds its cap of {Cap} open connections",
            Interlocked.Exchange(ref _untold, 0), cap);
}
