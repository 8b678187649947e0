using System.Collections.Concurrent;

namespace Booking.DevInbox;

/// <summary>
/// Everything the stub received. A message is visible once per idempotency key (SendGrid: <c>custom_args</c>; SMS:
/// the <c>Idempotency-Key</c> header): a repeat with the same key answers like the first and shows nothing new, as
/// a provider with idempotency would. <see cref="Requests"/> counts every request, repeats included.
/// </summary>
public sealed class InboxStore
{
    private readonly ConcurrentDictionary<string, RecordedMessage> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RecordedMessage> _byProviderId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requestsByKey = new(StringComparer.Ordinal);
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    public int Count => _byKey.Count;

    /// <returns>The message recorded under this key (the given one if it is new) and whether it was new.</returns>
    public (RecordedMessage Message, bool IsNew) Record(RecordedMessage message)
    {
        Interlocked.Increment(ref _requests);
        _requestsByKey.AddOrUpdate(message.IdempotencyKey, 1, (_, n) => n + 1);
        var stored = _byKey.GetOrAdd(message.IdempotencyKey, message);
        if (ReferenceEquals(stored, message))
            _byProviderId[message.ProviderId] = message;
        return (stored, ReferenceEquals(stored, message));
    }

    /// <summary>How many accepted requests carried this key, repeats included.</summary>
    public int RequestsFor(string idempotencyKey) => _requestsByKey.GetValueOrDefault(idempotencyKey);

    public RecordedMessage? Find(string providerId) => _byProviderId.GetValueOrDefault(providerId);

    public IReadOnlyList<RecordedMessage> All() => _byKey.Values.OrderBy(m => m.ReceivedAt).ToList();

    public void Clear()
    {
        _byKey.Clear();
        _byProviderId.Clear();
        _requestsByKey.Clear();
        Interlocked.Exchange(ref _requests, 0);
    }
}
