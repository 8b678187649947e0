namespace Booking.Operations.Tests;

/// <summary>The alert rules in deploy/prometheus are valid for Prometheus, and their unit tests (each alert fired on
/// purpose by the series that should fire it, and quiet before) pass: promtool, as installed by the test command.</summary>
public sealed class AlertRulesTests
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    [Fact]
    public async Task The_alert_rules_and_the_scrape_configuration_are_valid()
    {
        var check = await ShellCommand.RunAsync(
            "cd deploy/prometheus && promtool check rules booking-alerts.yml && promtool check config prometheus.yml",
            NoEnvironment, TimeSpan.FromMinutes(1));

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("SUCCESS: 9 rules found", check.Output);
    }

    [Fact]
    public async Task Each_alert_fires_on_the_series_that_should_fire_it_and_not_before()
    {
        var test = await ShellCommand.RunAsync("promtool test rules deploy/prometheus/booking-alerts.test.yml", NoEnvironment, TimeSpan.FromMinutes(1));

        Assert.Equal(0, test.ExitCode);
        Assert.Contains("SUCCESS", test.Output);
    }
}
