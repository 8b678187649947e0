using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.ServiceDefaults;

/// <summary>
/// Keeps a host's client connections within half of its open-file limit. Kestrel has no cap by default, so a flood of
/// connections (a few thousand half-sent requests from one client are enough where the limit is a few thousand) used
/// every descriptor the process had, and the runtime, unable to open anything more, ended the host. Over the cap, a
/// connection is closed as it is accepted; the other half is left for the host's own files, database pool and cluster
/// sockets. <c>Connections:Limit</c> sets the cap instead.
/// </summary>
/// <remarks>The cap is the platform's own rather than Kestrel's <c>MaxConcurrentConnections</c>, which counts every
/// port of the host: the <see cref="ManagementPort"/> stays outside it, so the probes still get through a flood.</remarks>
public static class ConnectionLimits
{
    public const string Setting = "Connections:Limit";

    public static IHostApplicationBuilder AddConnectionLimits(this IHostApplicationBuilder builder)
    {
        if ((builder.Configuration.GetValue<long?>(Setting) ?? OpenFileLimit() / 2) is not { } cap)
            return builder;
        var managementPort = ManagementPort.Configured(builder.Configuration);
        builder.Services.AddSingleton(services => new ClientConnectionGate(cap,
            services.GetRequiredService<ILogger<ClientConnectionGate>>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IServiceProvider>((kestrel, services) =>
            kestrel.ConfigureEndpointDefaults(endpoint =>
            {
                if (endpoint.IPEndPoint?.Port != managementPort)
                    endpoint.Use(services.GetRequiredService<ClientConnectionGate>().Admit);
            }));
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
