namespace Booking.Silo.Inventory;

/// <summary>
/// Group commit: an item is written at once while fewer than <paramref name="maxConcurrentWrites"/> writes are in
/// flight; items submitted meanwhile wait and go together in the next write. A burst of confirmations therefore pays
/// one database round trip for many, while a quiet moment adds no latency. Each caller gets its own item's result. Each
/// write's size goes to <paramref name="written"/> (the commit batch size metric).
/// Writes run on the thread pool, never on a submitter's scheduler: the committer is shared by many grain activations,
/// and a write must not be one activation's turn, nor end with it.
/// </summary>
public sealed class GroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatchSize, int maxConcurrentWrites, Action<int> written)
{
    private readonly Lock _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Result)> _waiting = [];
    private int _writers;

    public Task<TResult> Submit(TItem item)
    {
        var result = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        List<(TItem Item, TaskCompletionSource<TResult> Result)>? first = null;
        lock (_gate)
        {
            _waiting.Add((item, result));
            if (_writers < maxConcurrentWrites)
            {
                _writers++;
                first = TakeBatch();
            }
        }
        if (first is not null)
            _ = Task.Run(() => WriteUntilDrained(first));
        return result.Task;
    }

    private List<(TItem Item, TaskCompletionSource<TResult> Result)> TakeBatch()
    {
        var batch = _waiting.Count <= maxBatchSize ? _waiting : _waiting[..maxBatchSize];
        _waiting = _waiting.Count <= maxBatchSize ? [] : _waiting[maxBatchSize..];
        return batch;
    }

    private async Task WriteUntilDrained(List<(TItem Item, TaskCompletionSource<TResult> Result)> batch)
    {
        while (true)
        {
            try
            {
                var results = await write(batch.Select(b => b.Item).ToList());
                written(batch.Count);
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Result.SetResult(results[i]);
            }
            catch (Exception e)
            {
                foreach (var (_, result) in batch)
                    result.SetException(e);
            }
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writers--;
                    return;
                }
                batch = TakeBatch();
            }
        }
    }
}
