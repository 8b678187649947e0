using Booking.Testing;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

/// <summary>What every page visited is checked for: axe-core's WCAG 2.1 A/AA rules (no serious or critical
/// violation), nothing blocked by the Content-Security-Policy, and a screenshot kept in TestResults/screenshots for
/// people to look at.</summary>
public static class PageChecks
{
    /// <summary>Run before each document's own scripts (an init script, which the policy does not apply to).</summary>
    public const string RecordPolicyViolations = """
        document.addEventListener("securitypolicyviolation", e =>
          (window.__policyViolations ??= []).push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    private static readonly string ProjectDirectory = FindProjectDirectory();
    public static readonly string Screenshots = Path.Combine(ProjectDirectory, "TestResults", "screenshots");

    public static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        var blocked = await page.EvaluateAsync<string[]>("() => window.__policyViolations ?? []");
        Assert.True(blocked.Length == 0, $"The Content-Security-Policy blocked something on {name}:\n" + string.Join("\n", blocked));
        await Accessibility.AssertAccessibleAsync(page, name);
    }

    /// <summary>Runs a step; if it fails, keeps a screenshot and puts the page's address and text in the error, so a
    /// failure says what the citizen saw instead of only which element never appeared.</summary>
    public static async Task<T> Explained<T>(IPage page, string step, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            Directory.CreateDirectory(Screenshots);
            var screenshot = Path.Combine(Screenshots, $"failed-{step}.png");
            string text;
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Timeout = 10_000 });
                text = await page.Locator("body").InnerTextAsync(new() { Timeout = 10_000 });
            }
            catch (PlaywrightException unreadable)
            {
                text = $"(page unreadable: {unreadable.Message})";
            }
            throw new InvalidOperationException(
                $"Step '{step}' failed at {page.Url} (simulated now {TestClock.Now:O}; screenshot {screenshot}): {e.Message}"
                + $"{Environment.NewLine}Page text:{Environment.NewLine}{text}", e);
        }
    }

    public static Task Explained(IPage page, string step, Func<Task> action) =>
        Explained(page, step, async () => { await action(); return true; });

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Booking.Web.BrowserTests.csproj")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the browser test project's folder above " + AppContext.BaseDirectory);
    }
}
