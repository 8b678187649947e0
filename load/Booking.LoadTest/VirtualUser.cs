namespace Booking.LoadTest;

/// <summary>One simulated citizen's device: its own random source and its pauses between steps.</summary>
public sealed class VirtualUser(int id, ThinkTime thinkTimeMs, CancellationToken stopping)
{
    public int Id => id;

    public Random Random { get; } = new(HashCode.Combine(id, Environment.TickCount64));

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>One pause after every request, as the k6 scripts do: reading the list, filling the form. Cut short when
    /// the run stops, so the run ends on time.</summary>
    public async Task ThinkAsync()
    {
        var ms = Random.Next(thinkTimeMs.Min, thinkTimeMs.Max + 1);
        if (ms == 0 || stopping.IsCancellationRequested)
            return;
        await Task.Delay(ms, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
