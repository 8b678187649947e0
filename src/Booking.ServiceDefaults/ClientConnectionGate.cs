using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Booking.ServiceDefaults;

/// <summary>
/// Admits client connections up to a cap, across the host's client ports, and closes the others as they are accepted.
/// A flood is told once, not per connection: one warning on its first refusal, then at most one every
/// <see cref="WarningInterval"/> with the count refused since, so that the flood does not also flood the logs.
/// </summary>
internal sealed class ClientConnectionGate(long cap, ILogger<ClientConnectionGate> logger, TimeProvider clock)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private long _open;
    private long _refusedSinceWarning;
    private long _lastWarning = long.MinValue;

    public ConnectionDelegate Admit(ConnectionDelegate next) => async connection =>
    {
        if (Interlocked.Increment(ref _open) > cap)
        {
            Interlocked.Decrement(ref _open);
            Refused();
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

    private void Refused()
    {
        Interlocked.Increment(ref _refusedSinceWarning);
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarning);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < WarningInterval)
            return;
        // One thread of a burst wins the warning; the others' refusals are counted in the next one.
        if (Interlocked.CompareExchange(ref _lastWarning, now, last) != last)
            return;
        logger.LogWarning("Refused {Count} client connection(s): the host holds its cap of {Cap} open connections",
            Interlocked.Exchange(ref _refusedSinceWarning, 0), cap);
    }
}
