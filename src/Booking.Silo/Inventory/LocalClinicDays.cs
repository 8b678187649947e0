using System.Collections.Concurrent;

namespace Booking.Silo.Inventory;

/// <summary>The clinic-days active in this silo, by grain key: what <see cref="HoldHandoverOnStop"/> asks to hand
/// their holds over when the silo stops.</summary>
public sealed class LocalClinicDays
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public void Add(string key) => _keys.TryAdd(key, 0);

    public void Remove(string key) => _keys.TryRemove(key, out _);

    public IReadOnlyList<string> Keys => _keys.Keys.ToList();
}
