using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Booking.ServiceDefaults;

/// <summary>
/// Keeps a host's client connections within half of its open-file limit. Kestrel has no cap by default, so a flood of
/// connections (a few thousand half-sent requests from one client are enough where the limit is a few thousand) used
/// every descriptor the process had, and the runtime, unable to open anything more, ended the host. Over the cap,
/// Kestrel closes a connection as it accepts it; the other half is left for the host's own files, database pool and
/// cluster sockets. <c>Kestrel:Limits:MaxConcurrentConnections</c> sets the cap instead.
/// </summary>
public static class ConnectionLimits
{
    public const string Setting = "Kestrel:Limits:MaxConcurrentConnections";

    public static IHostApplicationBuilder AddConnectionLimits(this IHostApplicationBuilder builder)
    {
        var cap = builder.Configuration.GetValue<long?>(Setting) ?? OpenFileLimit() / 2;
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxConcurrentConnections = cap);
        return builder;
    }

    /// <summary>The process's own open-file limit (its soft limit, which .NET raises to the hard one at start), or null
    /// where the system does not say (not Linux) or sets none.</summary>
    private static long? OpenFileLimit()
    {
        const string limits = "/proc/self/limits";
        if (!File.Exists(limits))
            return null;
        // "Max open files            20000                20000                files"
        var line = File.ReadLines(limits).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
