using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Booking.Testing;

/// <summary>
/// Loopback ports for the hosts a test starts. They are drawn below the kernel's ephemeral range, never from it: a port
/// the OS hands out for a listener there can be taken by one of the suite's own outgoing connections (PostgreSQL, HTTP)
/// between the probe and the host's bind, which failed a host's start with "address already in use". A port is given
/// once per process, and only if a listener can bind it now.
/// </summary>
public static class FreePort
{
    private const int Lowest = 10_000;
    private static readonly int AboveHighest = EphemeralRangeStart();
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, AboveHighest);
                if (Given.Add(port) && CanBind(port))
                    return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {Lowest} and {AboveHighest - 1}.");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux's default when it cannot be read).</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var start = File.Exists(range)
            ? int.Parse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture)
            : 32_768;
        return Math.Max(start, Lowest + 1_000);
    }
}
