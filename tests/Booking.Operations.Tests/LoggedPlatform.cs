using System.Globalization;
using Booking.Notifications.Tests;
using Booking.Testing;

namespace Booking.Operations.Tests;

/// <summary>
/// The platform as run.sh runs it, each host its own process (silo, citizen web host, notification worker) with the
/// console output it would give a log collector kept, on a fresh database; only the SendGrid/Twilio stand-in runs
/// in the test process. Hosts log at Debug for the platform's own categories and Information for ASP.NET Core (one
/// line per request), more than production's default, so that a leak a support engineer's verbose run would show
/// is found too.
/// </summary>
public sealed class LoggedPlatform : IAsyncLifetime
{
    private readonly ProviderStub _providers = new();
    private readonly string _clusterId = $"logged-{Guid.NewGuid():N}";
    private readonly Dictionary<string, HostProcess> _hosts = [];
    private readonly int _webPort = FreePort.Next();

    public DeliveryFixture Providers => _providers;
    public HttpClient Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _providers.InitializeAsync();
        Dictionary<string, string?> Common() => new()
        {
            ["ConnectionStrings:Booking"] = _providers.Database.ConnectionString,
            ["Booking:DataProtection:KeyFile"] = _providers.KeyFile,
            ["Orleans:ClusterId"] = _clusterId,
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        };
        var silo = Common();
        silo["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        silo["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        silo["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        Start("silo", "Booking.Silo", silo);

        var web = Common();
        web["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_webPort}";
        web["RateLimiting:Enabled"] = "false";
        Start("web", "Booking.Web", web);

        var worker = _providers.ProcessSettings("logged");
        foreach (var (key, value) in Common())
            worker.TryAdd(key, value);
        worker["ASPNETCORE_URLS"] = _providers.WorkerUrl;
        Start("notifications", "Notifications", worker);

        Web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_webPort}") };
        await Poll.UntilReadyAsync(Web, TimeSpan.FromSeconds(90), "the web host to find the silo");
    }

    /// <summary>Stops every host as an orchestrator does (SIGTERM), so that their last lines are written, then returns
    /// every line each one wrote.</summary>
    public async Task<IReadOnlyList<(string Host, string Line)>> StopAndReadLogsAsync()
    {
        foreach (var host in new[] { "web", "notifications", "silo" })
            await _hosts[host].StopAsync(TimeSpan.FromSeconds(30));
        return _hosts.SelectMany(h => h.Value.Output.Select(line => (h.Key, line))).ToList();
    }

    public async Task DisposeAsync()
    {
        Web?.Dispose();
        foreach (var host in _hosts.Values)
            host.Dispose();
        await _providers.DisposeAsync();
    }

    private void Start(string name, string project, Dictionary<string, string?> settings)
    {
        var host = new HostProcess(project, settings);
        _hosts[name] = host;
        host.Start();
    }

    /// <summary>The stand-in for the providers and the database, with no worker of its own: the worker is a process.</summary>
    private sealed class ProviderStub : DeliveryFixture
    {
        protected override bool StartsWorker => false;
    }
}
