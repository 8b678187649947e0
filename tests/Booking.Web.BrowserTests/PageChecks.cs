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

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Booking.Web.BrowserTests.csproj")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the browser test project's folder above " + AppContext.BaseDirectory);
    }
}
