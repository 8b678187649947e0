namespace Booking.Testing;

/// <summary>
/// Stops what a fixture started, each part with a deadline. A host that does not stop in time is reported on the
/// test host's error output, naming it, and left behind, so that a hang after every assertion has run costs a minute
/// instead of the whole run (vstest aborts a silent test host after five minutes, failing tests that passed).
/// </summary>
public static class Teardown
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    public static async Task WithinDeadlineAsync(string what, Func<Task> stop)
    {
        var stopping = stop();
        if (await Task.WhenAny(stopping, Task.Delay(Deadline)) != stopping)
            await Console.Error.WriteLineAsync($"Teardown: {what} did not stop within {Deadline.TotalSeconds:0} s; left behind.");
        else
            await stopping;
    }
}
