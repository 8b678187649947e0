using Booking.ServiceDefaults.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Booking.ServiceDefaults;

/// <summary>
/// A second port for the orchestrator's probes and the metrics scrapers (<c>Management:Port</c>), outside the client
/// connection cap (<see cref="ConnectionLimits"/>): a flood that fills the client port must not make the host look
/// dead and get it restarted. The port has its own pipeline, which answers <c>/health</c>, <c>/health/ready</c> and
/// <c>/metrics</c> and 404 to anything else, so it opens no way round the cap into the application. Unset, those are
/// answered on the client port alone.
/// </summary>
public static class ManagementPort
{
    public const string Setting = "Management:Port";

    public static int? Configured(IConfiguration configuration) => configuration.GetValue<int?>(Setting);

    public static IHostApplicationBuilder AddManagementPort(this IHostApplicationBuilder builder)
    {
        if (Configured(builder.Configuration) is not { } port)
            return builder;
        // Added to the addresses the host is given (ASPNETCORE_URLS, or else ASPNETCORE_HTTP_PORTS as in the container
        // images): an endpoint set in Kestrel's own options would replace those rather than join them.
        var configuration = builder.Configuration;
        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls)
        {
            var hosts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(url => BindingAddress.Parse(url).Host).Distinct();
            configuration[WebHostDefaults.ServerUrlsKey] = string.Join(';', [urls, .. hosts.Select(host => $"http://{host}:{port}")]);
        }
        else
        {
            configuration[WebHostDefaults.HttpPortsKey] = configuration[WebHostDefaults.HttpPortsKey] is { Length: > 0 } ports ? $"{ports};{port}" : $"{port}";
        }
        // First of all the startup filters, so ahead of the framework's host filtering too: probes and scrapers name
        // the pod's address, not the public host names that AllowedHosts lets in.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new ManagementPipeline(port)));
        return builder;
    }

    private sealed class ManagementPipeline(int port) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.MapWhen(context => context.Connection.LocalPort == port, management => management
                .UsePlatformMetrics()
                .UseHealthChecks(ServiceDefaultsExtensions.LivenessPath, ServiceDefaultsExtensions.Liveness)
                .UseHealthChecks(ServiceDefaultsExtensions.ReadinessPath, ServiceDefaultsExtensions.Readiness));
            next(app);
        };
    }
}
