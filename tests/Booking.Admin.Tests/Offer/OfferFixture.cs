extern alias admin;
using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.Offer;

/// <summary>
/// The whole platform for the clinics' offer: a real silo, the citizens' web host and the staff site, each on its own
/// loopback port, the staff site joining the silo's cluster as an Orleans client, against one fresh demo database; and
/// Debian's Chromium for the journeys. A change saved on the staff site must reach citizens with no restart.
/// </summary>
public sealed class OfferFixture() : PlatformFixture(TimeSpan.FromMinutes(5), listenOnLoopback: true)
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _keyFile = TestKeyFile.Create();
    private readonly int _adminPort = FreePort.Next();
    private WebApplicationFactory<admin::Program> _admin = null!;
    private IPlaywright? _playwright;

    public Uri StaffSiteAddress => new($"http://127.0.0.1:{_adminPort}/");
    public IServiceProvider StaffServices => _admin.Services;
    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = new WebApplicationFactory<admin::Program>().WithWebHostBuilder(web =>
        {
            AdminFixture.UseStaffSiteSignIn(web, StaffSiteAddress, [StaffSiteAddress]);
            web.UseSetting("ConnectionStrings:Booking", Database.ConnectionString);
            web.UseSetting("Booking:DataProtection:KeyFile", _keyFile);
            web.UseSetting("Orleans:ClusterId", ClusterId);
            web.UseSetting(TestClock.HostSetting.Key, TestClock.HostSetting.Value);
        });
        _admin.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, _adminPort));
        _admin.StartServer();
    }

    /// <summary>A staff member's browser on the staff site, in French.</summary>
    public Task<IPage> NewStaffBrowserPageAsync() => NewBrowserPageAsync(StaffSiteAddress);

    /// <summary>A citizen's browser on the booking site.</summary>
    public Task<IPage> NewCitizenBrowserPageAsync() => NewBrowserPageAsync(SiteAddress);

    /// <summary>Chromium is started for the first journey that needs it (most tests here speak HTTP only).</summary>
    private async Task<IPage> NewBrowserPageAsync(Uri site)
    {
        if (_playwright is null)
        {
            if (!File.Exists(Chromium))
                throw new InvalidOperationException($"{Chromium} is missing: install Debian's package (apt-get install -y chromium); ./test.sh does it.");
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.ToString(), Locale = "fr-CA" });
        // Generous, as for the staff journey: cold pages after a build, on two cores shared with other work.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await Teardown.WithinDeadlineAsync("the staff site", async () => await _admin.DisposeAsync());
        await base.DisposeAsync();
        File.Delete(_keyFile);
    }
}

[CollectionDefinition(Name)]
public sealed class OfferCollection : ICollectionFixture<OfferFixture>
{
    public const string Name = "offer";
}
