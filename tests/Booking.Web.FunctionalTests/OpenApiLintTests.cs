using System.Diagnostics;
using System.Text.Json.Nodes;
using Booking.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>The OpenAPI document as tools read it: Redocly CLI's recommended rules (warnings included, see
/// redocly.yaml) find nothing in the document the web host serves. <c>./test.sh</c> installs Redocly (npm, pinned).</summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiLintTests(PlatformFixture platform)
{
    private static readonly string Project = Path.Combine(RepositoryFolder.Root, "tests", "Booking.Web.FunctionalTests");

    [Fact]
    public async Task Redocly_finds_no_problem_in_the_served_document()
    {
        var document = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await platform.Http.GetStringAsync("/openapi/v1.json"));
        try
        {
            var report = JsonNode.Parse(await RedoclyLintAsync(document))!;

            var problems = report["problems"]!.AsArray()
                .Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
            Assert.True(problems.Count == 0, $"Redocly found {problems.Count} problem(s):\n{string.Join("\n", problems)}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<string> RedoclyLintAsync(string document)
    {
        var start = new ProcessStartInfo(Path.Combine(Project, "node_modules", ".bin", "redocly"))
        {
            ArgumentList = { "lint", document, "--config", Path.Combine(Project, "redocly.yaml"), "--format", "json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Offline: no usage report, no update check.
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
        using var redocly = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = redocly.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = redocly.StandardError.ReadToEndAsync(timeout.Token);
        await redocly.WaitForExitAsync(timeout.Token);
        return (await output).Length > 0 ? await output : throw new InvalidOperationException($"Redocly printed no report: {await errors}");
    }
}
