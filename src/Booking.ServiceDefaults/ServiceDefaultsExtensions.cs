using Booking.ServiceDefaults.Logging;
using Booking.ServiceDefaults.Metrics;
using Booking.ServiceDefaults.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.ServiceDefaults;

/// <summary>What every host of the platform shares: its clock, problem details for errors, health endpoints, logging, metrics,
/// a cap on client connections, and a management port outside it.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks tagged with this are part of readiness (dependencies reachable), not liveness.</summary>
    public const string ReadyTag = "ready";

    internal const string LivenessPath = "/health";
    internal const string ReadinessPath = "/health/ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPlatformClock(builder.Configuration);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        builder.Services.AddHealthChecks();
        builder.AddPlatformMetrics();
        builder.AddPlatformLogging();
        builder.AddConnectionLimits();
        builder.AddManagementPort();
        return builder;
    }

    /// <summary><c>/health</c>: the process is up. <c>/health/ready</c>: it can serve (database, cluster). <c>/metrics</c>:
    /// for Prometheus, from loopback or the configured scrape networks only.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UsePlatformMetrics();
        app.MapHealthChecks(LivenessPath, Liveness);
        app.MapHealthChecks(ReadinessPath, Readiness);
        return app;
    }

    internal static readonly HealthCheckOptions Liveness = new() { Predicate = _ => false };

    internal static readonly HealthCheckOptions Readiness = new()
    {
        Predicate = check => check.Tags.Contains(ReadyTag),
        ResponseWriter = WriteReport,
    };

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
    }
}
