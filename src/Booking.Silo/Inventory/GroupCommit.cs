namespace Booking.Silo.Inventory;

/// <summary>
/// Group commit: the first item is written at once; items submitted while a write is in flight wait and go
/// together in the next one. A hot clinic therefore pays one database round trip for a whole burst of
/// confirmations, while a quiet one adds no latency. Each caller gets its own item's result. Each write's size goes to
/// <paramref name="written"/> (the commit batch size metric).
/// </summary>
public sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatchSize, Action<int> written)
{
    private readonly Lock _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Result)> _waiting = [];
    private bool _writing;

    public Task<TResult> Submit(TItem item)
    {
        var result = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool startWriter;
        lock (_gate)
        {
            _waiting.Add((item, result));
            startWriter = !_writing;
            _writing = true;
        }
        if (startWriter)
            _ = WriteUntilDrained();
        return result.Task;
    }

    private async Task WriteUntilDrained()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Result)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = _waiting.Count <= maxBatchSize ? _waiting : _waiting[..maxBatchSize];
                _waiting = _waiting.Count <= maxBatchSize ? [] : _waiting[maxBatchSize..];
            }
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
        }
    }
}
