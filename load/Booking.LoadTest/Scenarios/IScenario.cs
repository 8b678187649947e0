namespace Booking.LoadTest.Scenarios;

/// <summary>A scenario is what one virtual user does in a loop; the runner supplies users, ramp-up and the budget.</summary>
public interface IScenario
{
    /// <summary>Once before the users start (e.g. learn the hot clinic-day's slots). Throws <see cref="ScenarioSetupException"/>
    /// when the platform's state makes the scenario meaningless.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>One iteration (one citizen's journey); ends early when the budget refuses a request.</summary>
    Task RunIterationAsync(VirtualUser user);

    /// <summary>Facts learned in <see cref="PrepareAsync"/> worth a line in the report.</summary>
    IReadOnlyList<string> Notes => [];
}

public sealed class ScenarioSetupException(string message) : Exception(message);
