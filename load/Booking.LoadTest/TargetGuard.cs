using System.Net;
using Npgsql;

namespace Booking.LoadTest;

/// <summary>Load goes to this machine only, unless the operator says otherwise for a deployment they own: a typo in a
/// URL must not aim a stampede at someone else's server.</summary>
public static class TargetGuard
{
    public static void EnsureAllowed(Uri baseUrl, NpgsqlConnectionStringBuilder database, bool allowRemote)
    {
        if (allowRemote)
            return;
        if (!IsLoopback(baseUrl.Host))
            throw new UsageException($"--base-url {baseUrl} is not on this machine (127.0.0.0/8, localhost, [::1]). " +
                "Pass --allow-remote to load a deployment you are responsible for.");
        var hosts = (database.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var remote = hosts.FirstOrDefault(h => !h.StartsWith('/') && !IsLoopback(h)); // '/…' is a Unix socket folder
        if (remote is not null)
            throw new UsageException($"--db host '{remote}' is not on this machine. Pass --allow-remote to check a remote database.");
    }

    /// <summary>By literal only: a name is not resolved, so only 'localhost' and loopback addresses pass.</summary>
    public static bool IsLoopback(string host)
    {
        host = host.Trim('[', ']');
        if (host.Contains(':') && !IPAddress.TryParse(host, out _))
            host = host[..host.LastIndexOf(':')]; // "127.0.0.1:5433" from a multi-host list
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
