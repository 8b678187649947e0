namespace Booking.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Poll
{
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
}
