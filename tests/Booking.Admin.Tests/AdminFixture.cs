extern alias admin;
using Booking.Testing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>
/// The admin host as it runs (real Kestrel on a loopback port, an Orleans client of a real silo) against a fresh
/// migrated, demo-seeded PostgreSQL, and Debian's Chromium driven by Playwright. The sessions' clock is a <see cref="ManualClock"/>, so inactivity and the
/// sessions' absolute end can be reached without waiting for them; password checks are counted (<see cref="PasswordChecks"/>).
/// </summary>
public class AdminFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _keyFile = TestKeyFile.Create();
    private readonly int _port = FreePort.Next();
    private readonly int _anotherPort = FreePort.Next();
    private readonly string _clusterId = $"admin-tests-{Guid.NewGuid():N}";
    private WebApplicationFactory<admin::Program> _admin = null!;
    private Microsoft.Extensions.Hosting.IHost _silo = null!;
    private IPlaywright? _playwright;

    public PostgresDatabase Database { get; } = new();
    public ManualClock SessionClock { get; } = new(TestClock.Now);
    public PasswordChecks PasswordChecks { get; } = new();
    public Uri SiteAddress => new($"http://127.0.0.1:{_port}/");
    public IServiceProvider Services => _admin.Services;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's package (apt-get install -y chromium); ./test.sh does it.");
        await Database.InitializeAsync();
        _silo = await TestSilo.StartAsync(Database, _clusterId, PlatformFixture.HoldDuration);
        _admin = StartHost(_port, _keyFile);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A second admin host on the same database and key file, as behind a load balancer: it shares the
    /// data-protection key ring (in PostgreSQL), so it reads the first host's cookies, and signs people in through the
    /// first host's identity server. One at a time: it always takes the same port.</summary>
    public (IAsyncDisposable Host, Uri Address) StartAnotherHost() => (StartHost(_anotherPort, _keyFile), Address(_anotherPort));

    private static Uri Address(int port) => new($"http://127.0.0.1:{port}/");

    /// <summary>What a derived fixture sets on the staff site beyond the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The staff site's client id at the identity server.</summary>
    public const string StaffSiteClientId = "staff-site";

    /// <summary>The staff site signing people in through the identity server at <paramref name="authority"/>, over plain
    /// HTTP on loopback, registered there with the addresses of each of <paramref name="sites"/>.</summary>
    public static void UseStaffSiteSignIn(IWebHostBuilder web, Uri authority, IReadOnlyList<Uri> sites)
    {
        web.UseSetting("Identity:RequireHttps", "false");
        web.UseSetting("StaffSite:Authority", authority.ToString());
        web.UseSetting("Identity:StaffSites:0:ClientId", StaffSiteClientId);
        for (var i = 0; i < sites.Count; i++)
        {
            web.UseSetting($"Identity:StaffSites:0:RedirectUris:{i}", new Uri(sites[i], "signin-oidc").ToString());
            web.UseSetting($"Identity:StaffSites:0:PostLogoutRedirectUris:{i}", new Uri(sites[i], "signout-callback-oidc").ToString());
        }
    }

    private WebApplicationFactory<admin::Program> StartHost(int port, string keyFile)
    {
        var host = new WebApplicationFactory<admin::Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in Settings)
                web.UseSetting(key, value);
            UseStaffSiteSignIn(web, SiteAddress, [SiteAddress, Address(_anotherPort)]);
            web.UseSetting("ConnectionStrings:Booking", Database.ConnectionString);
            web.UseSetting("Booking:DataProtection:KeyFile", keyFile);
            web.UseSetting("Orleans:ClusterId", _clusterId);
            web.UseSetting(TestClock.HostSetting.Key, TestClock.HostSetting.Value);
            web.ConfigureLogging(logging => HostLogFile.AddTo(logging, "admin"));
            web.ConfigureServices(services =>
            {
                services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie => cookie.TimeProvider = SessionClock);
                services.Configure<CookieAuthenticationOptions>(admin::Booking.Admin.Account.StaffSchemes.Enrolment, cookie => cookie.TimeProvider = SessionClock);
                services.Configure<CookieAuthenticationOptions>(admin::Booking.Admin.Account.StaffSchemes.Site, cookie => cookie.TimeProvider = SessionClock);
                services.AddSingleton<IPasswordHasher<Booking.Staff.Identity.StaffUser>>(PasswordChecks);
            });
        });
        host.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        host.StartServer();
        return host;
    }

    /// <summary>A browser with its own cookies, in French unless told otherwise.</summary>
    public async Task<IPage> NewBrowserPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = SiteAddress.ToString(), Locale = "fr-CA" });
        // Generous: the first pages after a build, in a cold Chromium, on two cores shared with other work (one 30 s timeout seen).
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await _admin.DisposeAsync();
        await TestSilo.StopAsync(_silo);
        await Database.DisposeAsync();
        File.Delete(_keyFile);
    }
}

[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin";
}
