namespace Booking.LoadTest.Scenarios;

public static class ScenarioFactory
{
    public static IScenario Create(ScenarioSettings settings, BookingApiClient api, RunMetrics metrics) => settings.Name switch
    {
        "stampede" => new StampedeScenario(settings, api, new SlotBooker(api, metrics, new FakeCitizens()), metrics),
        "hot-location" => new HotLocationScenario(settings, api, new SlotBooker(api, metrics, new FakeCitizens())),
        "browse" => new BrowseScenario(settings, api),
        var other => throw new UsageException($"Unknown scenario '{other}' (name in the JSON file): stampede, hot-location or browse."),
    };
}
