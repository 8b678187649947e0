namespace Booking.LoadTest.Scenarios;

/// <summary>Availability only: citizens comparing clinics and dates before they commit. Reads never touch PostgreSQL
/// on the platform side (grain snapshots cached per web host), so this is the read path's ceiling.</summary>
public sealed class BrowseScenario(ScenarioSettings settings, BookingApiClient api) : IScenario
{
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RunIterationAsync(VirtualUser user)
    {
        var found = await SearchPicker.SearchAsync(api, settings, user);
        if (found.Outcome != CallOutcome.NotSent)
            await user.ThinkAsync();
    }
}
