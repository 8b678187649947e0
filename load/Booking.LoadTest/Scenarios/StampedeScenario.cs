namespace Booking.LoadTest.Scenarios;

/// <summary>Campaign opening: search → hold → confirm. On a full slot the citizen tries another one from the same answer
/// (up to holdAttemptsPerSearch), then searches again (up to searchesPerCitizen), then gives up.</summary>
public sealed class StampedeScenario(ScenarioSettings settings, BookingApiClient api, SlotBooker booker, RunMetrics metrics) : IScenario
{
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RunIterationAsync(VirtualUser user)
    {
        var lastSearchListedNothing = false;
        for (var search = 0; search < settings.SearchesPerCitizen; search++)
        {
            var found = await SearchPicker.SearchAsync(api, settings, user);
            if (found.Outcome == CallOutcome.NotSent)
                return;
            await user.ThinkAsync();
            if (found.Answer is not { } answer)
            {
                metrics.JourneyEnded(JourneyOutcome.Failed);
                return;
            }

            // Nearest clinics first, earliest times first, as the API orders them: what a citizen sees at the top.
            var candidates = answer.Locations
                .SelectMany(l => l.Slots.Select(s => new SlotChoice(l.LocationId, answer.Service, s.Start)))
                .Take(settings.SlotPickWindow)
                .ToList();
            lastSearchListedNothing = candidates.Count == 0;
            if (lastSearchListedNothing)
                continue;

            var attempt = await booker.TryBookAsync(user, candidates, settings.HoldAttemptsPerSearch);
            if (attempt != BookingAttempt.SlotsFull)
            {
                booker.Record(attempt);
                return;
            }
        }
        metrics.JourneyEnded(lastSearchListedNothing ? JourneyOutcome.NothingListed : JourneyOutcome.SlotsFull);
    }
}
