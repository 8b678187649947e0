using Booking.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

/// <summary>
/// The platform serving the site on a loopback port, and Debian's Chromium (headless, no Playwright browser download)
/// driven by Playwright. Holds last long enough for a browser to fill the forms on a busy 2-core machine.
/// </summary>
public sealed class SiteFixture() : PlatformFixture(TimeSpan.FromMinutes(5), listenOnLoopback: true)
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    /// <summary>A waiting room in front of blood tests only, letting one visitor in every 20 seconds, so its test sees
    /// a queue while the other tests (other services) never wait.</summary>
    public const string WaitingRoom = "prelevements";
    public const string GatedService = "BLOOD";

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's package (apt-get install -y chromium); ./test.sh does it.");
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        // Playwright starts each launch on a fresh temporary profile (user-data-dir) and removes it on close.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    protected override void ConfigureWeb(IWebHostBuilder web)
    {
        web.UseSetting($"WaitingRoom:Rooms:{WaitingRoom}:Enabled", "true");
        web.UseSetting($"WaitingRoom:Rooms:{WaitingRoom}:AdmissionsPerMinute", "3");
        web.UseSetting($"WaitingRoom:Rooms:{WaitingRoom}:Services:0", GatedService);
    }

    /// <summary>A fresh visitor (own cookies) with the given screen and JavaScript on or off.</summary>
    public async Task<IPage> NewVisitorAsync(Viewport viewport, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = SiteAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.Phone,
            HasTouch = viewport.Phone,
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(PageChecks.RecordPolicyViolations);
        return await context.NewPageAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await base.DisposeAsync();
    }
}

/// <summary>A screen the site must work on.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool Phone)
{
    public static readonly Viewport Phone390 = new("phone", 390, 844, true);
    public static readonly Viewport Desktop = new("desktop", 1280, 900, false);
    public override string ToString() => Name;
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}
