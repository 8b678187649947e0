using System.Text.Json;
using Booking.Testing;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

/// <summary>axe-core's WCAG 2.1 A/AA rules on a page: no serious or critical violation. The script is the one
/// <c>./test.sh</c> installs here (npm, pinned by package-lock.json); the staff site's tests compile this file too.</summary>
public static class Accessibility
{
    private static readonly string AxeScript = Path.Combine(RepositoryFolder.Root, "tests", "Booking.Web.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        if (!File.Exists(AxeScript))
            throw new InvalidOperationException($"{AxeScript} is missing: run `npm ci` in tests/Booking.Web.BrowserTests (./test.sh does it).");
        // Evaluated by the browser's debugging protocol, not added as an inline <script>: the sites' policy forbids those.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript));
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }))
              .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`)
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"axe found serious/critical violations on {name}:\n" + string.Join("\n", list));
    }
}
