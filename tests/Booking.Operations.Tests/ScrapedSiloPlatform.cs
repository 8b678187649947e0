using System.Net;
using Booking.ServiceDefaults;
using Booking.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Booking.Operations.Tests;

/// <summary>The platform with its silo built as the silo's Program builds it (service defaults, health and metrics
/// endpoints), serving HTTP on a loopback port: what Prometheus scrapes in production.</summary>
public sealed class ScrapedSiloPlatform : PlatformFixture
{
    private readonly int _siloHttpPort = FreePort.Next();

    public Uri SiloMetrics => new($"http://127.0.0.1:{_siloHttpPort}/metrics");

    protected override IHost BuildSilo(Action<IHostApplicationBuilder> configure)
    {
        var silo = WebApplication.CreateBuilder();
        silo.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, _siloHttpPort));
        silo.AddServiceDefaults();
        configure(silo);
        var app = silo.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
