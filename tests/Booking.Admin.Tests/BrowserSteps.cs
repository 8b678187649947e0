using System.Text.RegularExpressions;
using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>What the staff site's browser journeys do between steps: wait for the next page, and look at each page.</summary>
public static class BrowserSteps
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Waits for a page's address (its elements are then awaited by each action); if another page stays,
    /// says which, with its text. Not for the "load" event: in a few runs a page was shown in full while its load
    /// event never came. Playwright waits for that event when the address already matches, whatever it is asked to
    /// wait for, so a page already there is taken as it is.</summary>
    public static async Task WaitForPageAsync(IPage page, string address)
    {
        var expected = new Regex(address);
        if (expected.IsMatch(page.Url))
            return;
        try
        {
            await page.WaitForURLAsync(expected, new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"Still at {page.Url} instead of {address}. Page text:{Environment.NewLine}"
                + await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 }), e);
        }
    }

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
