using Booking.Domain.Inventory;

namespace Booking.Silo.Inventory;

/// <summary>Holds that ran out recently, so a citizen who confirms too late is told "your hold expired" rather
/// than "no such hold". Forgotten after an hour; after that, or after a re-activation, the answer is "not found".</summary>
public sealed class ExpiredHolds
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private readonly Dictionary<string, DateTimeOffset> _expiredAt = new(StringComparer.Ordinal);

    public void Add(Hold hold, DateTimeOffset now) => _expiredAt[hold.HoldId] = now;

    public bool Contains(string holdId) => _expiredAt.ContainsKey(holdId);

    public void Purge(DateTimeOffset now)
    {
        foreach (var holdId in _expiredAt.Where(e => now - e.Value > Memory).Select(e => e.Key).ToList())
            _expiredAt.Remove(holdId);
    }
}
