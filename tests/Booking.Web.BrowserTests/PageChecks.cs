using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

/// <summary>What every page visited is checked for: axe-core's WCAG 2.1 A/AA rules (no serious or critical
/// violation), and a screenshot kept in TestResults/screenshots for people to look at.</summary>
public static class PageChecks
{
    private static readonly string ProjectDirectory = FindProjectDirectory();
    public static readonly string Screenshots = Path.Combine(ProjectDirectory, "TestResults", "screenshots");

    public static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        await Accessibility.AssertAccessibleAsync(page, name);
    }

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Booking.Web.BrowserTests.csproj")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the browser test project's folder above " + AppContext.BaseDirectory);
    }
}
