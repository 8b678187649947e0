using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Booking.ServiceDefaults.Metrics;

/// <summary>OpenTelemetry metrics for every host, read by Prometheus at <c>/metrics</c> (<see cref="ScrapeAccess"/>):
/// ASP.NET Core, HttpClient, Npgsql, Orleans, the .NET runtime, and the platform's own meter.</summary>
public static class PlatformMetrics
{
    /// <summary>The meter of every business instrument (holds, confirmations, commits, outbox, waiting rooms).</summary>
    public const string MeterName = "Booking";

    public const string Path = "/metrics";

    /// <summary>Buckets for request durations (seconds): 0.2 is there so that the p99 objective (200 ms) is a bucket edge.</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10];

    public static IHostApplicationBuilder AddPlatformMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScrapeAccess>()
            .Bind(builder.Configuration.GetSection(ScrapeAccess.Section))
            .Validate(access => access.IsValid, "Metrics:ScrapeNetworks must be networks in CIDR notation, e.g. 10.30.0.0/24.")
            .ValidateOnStart();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Npgsql and Orleans publish their own meters: no instrumentation package needed.
                .AddMeter("Npgsql", "Microsoft.Orleans", MeterName)
                .AddView("http.server.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = DurationBuckets })
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Serves <c>/metrics</c> to the scrapers <see cref="ScrapeAccess"/> allows; everyone else goes on down the
    /// pipeline and meets the site's 404.</summary>
    public static IApplicationBuilder UsePlatformMetrics(this IApplicationBuilder app)
    {
        var access = app.ApplicationServices.GetRequiredService<IOptions<ScrapeAccess>>().Value;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Request.Path == Path && access.Allows(context));
        return app;
    }
}
