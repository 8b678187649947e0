using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>A screenshot for people to look at (in the output folder's <c>screenshots/</c>), and the page checked for
/// accessibility with axe-core.</summary>
public static class PageShots
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
        await Accessibility.AssertAccessibleAsync(page, name);
    }
}
