namespace Booking.LoadTest.Scenarios;

/// <summary>Everyone wants one clinic on one day: the day's free slots are read once, then every citizen holds a random
/// one of them and confirms. Once the day is full nearly every hold is a 409: this measures one inventory grain under
/// contention, and how fast "full" is answered.</summary>
public sealed class HotLocationScenario(ScenarioSettings settings, BookingApiClient api, SlotBooker booker) : IScenario
{
    private List<SlotChoice> _slots = [];

    public IReadOnlyList<string> Notes { get; private set; } = [];

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var hot = settings.HotLocation
            ?? throw new UsageException($"Scenario '{settings.Name}' needs a hotLocation section (locationId, postalCode, service, dayOffset).");
        var day = QuebecCalendar.DaysAhead(hot.DayOffset);
        var found = await api.AvailabilityAsync(hot.Service, hot.PostalCode, day, days: 1, settings.RadiusKm, settings.Limit, settings.SlotsPerLocation);
        if (found.Answer is not { } answer)
            throw new ScenarioSetupException($"The availability search for the hot clinic-day failed ({Describe(found)}).");
        _slots = answer.Locations
            .Where(l => l.LocationId == hot.LocationId)
            .SelectMany(l => l.Slots.Select(s => new SlotChoice(l.LocationId, answer.Service, s.Start)))
            .Take(settings.SlotPickWindow)
            .ToList();
        if (_slots.Count == 0)
            throw new ScenarioSetupException($"Clinic {hot.LocationId} lists no free {hot.Service} slot on {day:yyyy-MM-dd} " +
                "(filled by an earlier run, or closed that day). Choose another day with --day-offset N.");
        var freePlaces = answer.Locations.First(l => l.LocationId == hot.LocationId).Slots.Sum(s => s.Remaining);
        Notes = [$"Hot clinic-day: {hot.LocationId}, {hot.Service}, {day:yyyy-MM-dd}: {_slots.Count} slots with {freePlaces} free places at the start."];
    }

    public async Task RunIterationAsync(VirtualUser user) =>
        booker.Record(await booker.TryBookAsync(user, _slots, settings.HoldAttemptsPerSearch));

    private static string Describe<T>(ApiCall<T> call) where T : class =>
        call.Status == 0 ? call.Outcome.ToString() : $"HTTP {call.Status}";
}
