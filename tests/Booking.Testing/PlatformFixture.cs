using Booking.Data.PostalCodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Booking.Testing;

/// <summary>
/// The platform as it runs: a real silo (the production host setup: ADO.NET clustering on loopback ports, migrations
/// at start) and the web host as an Orleans client finding it through the PostgreSQL membership table. The API tests
/// call the web host in memory; the browser tests have it listen on a real loopback port (<see cref="SiteAddress"/>).
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan HoldDuration = TimeSpan.FromSeconds(10);

    private readonly string _clusterId = $"web-tests-{Guid.NewGuid():N}";
    private readonly string _keyFile = TestKeyFile.Create();
    private readonly TimeSpan _holdDuration;
    private readonly int? _kestrelPort;
    private IHost _silo = null!;
    private WebApplicationFactory<Program> _web = null!;

    public PlatformFixture() : this(HoldDuration, listenOnLoopback: false)
    {
    }

    /// <param name="listenOnLoopback">Serve over a real loopback port (Kestrel), for a browser.</param>
    protected PlatformFixture(TimeSpan holdDuration, bool listenOnLoopback)
    {
        _holdDuration = holdDuration;
        _kestrelPort = listenOnLoopback ? FreePort.Next() : null;
    }

    public PostgresDatabase Database { get; } = new();

    /// <summary>The key file the hosts follow, for a test that gives tenants their keys.</summary>
    public string KeyFile => _keyFile;

    /// <summary>The silo's clock, which decides when holds expire: a test puts it ahead instead of waiting.</summary>
    public MovableClock SiloClock { get; } = new();

    /// <summary>The cluster the silo runs, for another Orleans client (the staff site) to join.</summary>
    public string ClusterId => _clusterId;

    public HttpClient Http { get; private set; } = null!;
    public IServiceProvider WebServices => _web.Services;
    public IServiceProvider SiloServices => _silo.Services;

    /// <summary>The site's address on loopback, when the fixture was asked to listen there.</summary>
    public Uri SiteAddress => new($"http://127.0.0.1:{_kestrelPort ?? throw new InvalidOperationException("This fixture serves in memory only.")}/");

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await new PostalCodeRepository(Database.DataSource).UpsertAsync(FsaCentroidSeed.Read());

        _silo = BuildSilo(silo => TestSilo.Configure(silo, Database, _clusterId, _holdDuration, SiloClock));
        await _silo.StartAsync();

        _web = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Booking", Database.ConnectionString);
            web.UseSetting("Orleans:ClusterId", _clusterId);
            web.UseSetting("Booking:DataProtection:KeyFile", _keyFile);
            web.UseSetting(TestClock.HostSetting.Key, TestClock.HostSetting.Value);
            // Every test client is one address here; the limits have their own test (RateLimitingTests).
            web.UseSetting("RateLimiting:Enabled", "false");
            web.ConfigureLogging(logging => HostLogFile.AddTo(logging, "web"));
            ConfigureWeb(web);
        });
        if (_kestrelPort is { } port)
        {
            _web.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
            _web.StartServer();
        }
        Http = _web.CreateClient();
    }

    /// <summary>The silo's host, given what every silo of the fixture has. A plain host here; a fixture that reads the
    /// silo's own HTTP endpoints builds it as the silo's Program does.</summary>
    protected virtual IHost BuildSilo(Action<IHostApplicationBuilder> configure)
    {
        var silo = Host.CreateApplicationBuilder();
        configure(silo);
        return silo.Build();
    }

    /// <summary>Another web host on the same silo and database with extra settings (a waiting room, rate limits), for the
    /// tests of features that would change what every other test sees. Dispose it after the test.</summary>
    public WebApplicationFactory<Program> WebHostWith(IReadOnlyDictionary<string, string?> settings, Action<IWebHostBuilder>? configure = null) =>
        _web.WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
            configure?.Invoke(web);
        });

    /// <summary>Settings a derived fixture adds to the web host.</summary>
    protected virtual void ConfigureWeb(IWebHostBuilder web)
    {
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Teardown.WithinDeadlineAsync("the web host", async () => await _web.DisposeAsync());
        await TestSilo.StopAsync(_silo);
        await Database.DisposeAsync();
        File.Delete(_keyFile);
    }
}
