using System.Net;
using System.Net.Sockets;

namespace Booking.Testing;

public static class FreePort
{
    /// <summary>A loopback port the OS reports free now (another process could still take it; good enough for tests).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
