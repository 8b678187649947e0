using System.Text.Json;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

/// <summary>What every page visited is checked for: axe-core's WCAG 2.1 A/AA rules (no serious or critical
/// violation), and a screenshot kept in TestResults/screenshots for people to look at.</summary>
public static class PageChecks
{
    private static readonly string ProjectDirectory = FindProjectDirectory();
    private static readonly string AxeScript = Path.Combine(ProjectDirectory, "node_modules", "axe-core", "axe.min.js");
    public static readonly string Screenshots = Path.Combine(ProjectDirectory, "TestResults", "screenshots");

    public static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        await AssertAccessibleAsync(page, name);
    }

    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        if (!File.Exists(AxeScript))
            throw new InvalidOperationException($"{AxeScript} is missing: run `npm ci` in {ProjectDirectory} (./test.sh does it).");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"axe found serious/critical violations on {name}:\n" + string.Join("\n", list));
    }

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Booking.Web.BrowserTests.csproj")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the browser test project's folder above " + AppContext.BaseDirectory);
    }
}
