using Booking.Silo.Inventory;

namespace Booking.Silo.Tests;

public class GroupCommitTests
{
    [Fact]
    public async Task Items_submitted_while_a_write_is_in_flight_share_the_next_write_and_each_write_reports_its_size()
    {
        var gate = new TaskCompletionSource();
        var batches = new List<int>();
        var written = new List<int>();
        var commit = new GroupCommit<int, int>(async items =>
        {
            lock (batches) batches.Add(items.Count);
            await gate.Task;
            return items.Select(i => i * 10).ToList();
        }, maxBatchSize: 100, size => { lock (written) written.Add(size); });

        var first = commit.Submit(1);
        var waiting = Enumerable.Range(2, 50).Select(commit.Submit).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(waiting.Prepend(first));

        Assert.Equal(Enumerable.Range(1, 51).Select(i => i * 10), results);
        Assert.Equal([1, 50], batches);
        Assert.Equal([1, 50], written);
    }

    [Fact]
    public async Task Batches_never_exceed_the_maximum_size()
    {
        var gate = new TaskCompletionSource();
        var batches = new List<int>();
        var commit = new GroupCommit<int, int>(async items =>
        {
            lock (batches) batches.Add(items.Count);
            await gate.Task;
            return items.ToList();
        }, maxBatchSize: 20, _ => { });

        var all = Enumerable.Range(0, 61).Select(commit.Submit).ToList();
        gate.SetResult();
        await Task.WhenAll(all);

        Assert.Equal([1, 20, 20, 20], batches);
    }

    [Fact]
    public async Task A_failed_write_fails_only_its_own_batch_and_is_not_reported_as_written()
    {
        var gate = new TaskCompletionSource();
        var calls = 0;
        var written = new List<int>();
        var commit = new GroupCommit<int, int>(async items =>
        {
            await gate.Task;
            return Interlocked.Increment(ref calls) == 1 ? throw new TimeoutException("database away") : items.ToList();
        }, maxBatchSize: 10, written.Add);

        var failing = commit.Submit(1);
        var next = commit.Submit(2);
        gate.SetResult();

        await Assert.ThrowsAsync<TimeoutException>(() => failing);
        Assert.Equal(2, await next);
        Assert.Equal([1], written);
    }
}
