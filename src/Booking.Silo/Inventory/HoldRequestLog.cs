using Booking.Grains.Inventory;

namespace Booking.Silo.Inventory;

/// <summary>Answers a retried hold request (same Idempotency-Key) with the first answer, for as long as that hold lives.</summary>
public sealed class HoldRequestLog
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public sealed record Entry(HoldRequest Request, HoldResult Result, DateTimeOffset Until);

    public Entry? Find(string idempotencyKey, DateTimeOffset now) =>
        _entries.TryGetValue(idempotencyKey, out var entry) && entry.Until > now ? entry : null;

    public void Remember(string idempotencyKey, HoldRequest request, HoldResult result, DateTimeOffset until) =>
        _entries[idempotencyKey] = new Entry(request, result, until);

    public void Purge(DateTimeOffset now)
    {
        foreach (var key in _entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            _entries.Remove(key);
    }
}
