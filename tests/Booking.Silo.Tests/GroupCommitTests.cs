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
        }, maxBatchSize: 100, maxConcurrentWrites: 1, size => { lock (written) written.Add(size); });

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
        }, maxBatchSize: 20, maxConcurrentWrites: 1, _ => { });

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
        }, maxBatchSize: 10, maxConcurrentWrites: 1, written.Add);

        var failing = commit.Submit(1);
        var next = commit.Submit(2);
        gate.SetResult();

        await Assert.ThrowsAsync<TimeoutException>(() => failing);
        Assert.Equal(2, await next);
        Assert.Equal([1], written);
    }

    [Fact]
    public async Task Up_to_the_allowed_writes_run_at_once_and_the_items_behind_them_share_the_next()
    {
        var gate = new TaskCompletionSource();
        var batches = new List<int[]>();
        var commit = new GroupCommit<int, int>(async items =>
        {
            lock (batches) batches.Add([.. items]);
            await gate.Task;
            return items.ToList();
        }, maxBatchSize: 100, maxConcurrentWrites: 2, _ => { });

        var all = Enumerable.Range(1, 12).Select(commit.Submit).ToList();
        gate.SetResult();
        await Task.WhenAll(all);

        // The two first writes start on the thread pool together, so either may record itself first.
        var inOrder = batches.OrderBy(b => b[0]).ToList();
        Assert.Equal(3, inOrder.Count);
        Assert.Equal([1], inOrder[0]);
        Assert.Equal([2], inOrder[1]);
        Assert.Equal(Enumerable.Range(3, 10), inOrder[2]);
    }

    [Fact]
    public async Task Writes_run_on_the_thread_pool_not_on_the_scheduler_of_whoever_submitted_first()
    {
        TaskScheduler? writtenOn = null;
        var commit = new GroupCommit<int, int>(items =>
        {
            writtenOn = TaskScheduler.Current;
            return Task.FromResult<IReadOnlyList<int>>(items.ToList());
        }, maxBatchSize: 10, maxConcurrentWrites: 1, _ => { });
        // A grain activation's turns run on a scheduler of their own, as this one-at-a-time scheduler does.
        var activation = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;

        var result = await await Task.Factory.StartNew(() => commit.Submit(7), CancellationToken.None, TaskCreationOptions.None, activation);

        Assert.Equal(7, result);
        Assert.Same(TaskScheduler.Default, writtenOn);
    }
}
