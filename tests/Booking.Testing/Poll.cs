namespace Booking.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Poll
{
    /// <summary>How long a change may take to reach what the sites serve: a booking or a schedule reaching the
    /// availability index (each clinic-day publishes on its own timer), new settings reaching a host's catalogue cache.
    /// A second or two on a quiet machine, several on a loaded 2-core one; the wait ends as soon as the change shows,
    /// so a generous deadline costs nothing when the test passes.</summary>
    public static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var giveUpAt = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUpAt)
                throw new TimeoutException($"Timed out after {deadline.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Until the host behind <paramref name="client"/> answers <c>/health/ready</c> with a success; a host not
    /// listening yet, or refusing the connection, counts as not ready.</summary>
    public static Task UntilReadyAsync(HttpClient client, TimeSpan deadline, string what) =>
        UntilAsync(async () =>
        {
            try
            {
                return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, deadline, what);
}
