using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>What the staff site's browser journeys do on each page: a screenshot for people, and the accessibility check.</summary>
public static class BrowserSteps
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>A screenshot for people to look at (in the output folder's screenshots/), and the page checked for accessibility.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await Accessibility.AssertAccessibleAsync(page, name);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
