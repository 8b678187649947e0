using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

/// <summary>How browser journeys wait for the page a step leads to. Playwright's own WaitForURL reads the page's
/// address and then listens for the next navigation, so a navigation committed in between is missed and the wait runs
/// to its timeout; and when the address already matches, it waits for a lifecycle event that under a busy machine was
/// seen never to come for a page shown in full. Both happened in the suite. This polls instead: the address through
/// Playwright's retrying assertion, then the document's own readyState, so a parsed page is there (its stylesheet
/// applied, since it blocks the site's scripts) and each next action still waits for its element.</summary>
public static class PageArrival
{
    /// <summary>Waits until the address matches <paramref name="address"/> (a regular expression) and the document
    /// is parsed; if another page stays, says which, with its text.</summary>
    public static async Task WaitForPageAsync(this IPage page, string address, float timeoutMs = 30_000)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(address), new() { Timeout = timeoutMs });
            await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null,
                new() { Timeout = timeoutMs, PollingInterval = 50 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            string text;
            try
            {
                text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            }
            catch (PlaywrightException unreadable)
            {
                text = $"(page unreadable: {unreadable.Message})";
            }
            throw new InvalidOperationException($"Still at {page.Url} instead of {address}. Page text:{Environment.NewLine}{text}", e);
        }
    }
}
