namespace Booking.Grains.Inventory;

/// <summary>
/// The hold Idempotency-Keys of one shard (key: <see cref="HoldKeyShard.Of"/> of each key), platform-wide: each key is
/// bound to the first request sent with it, so the same key cannot take a second hold at another clinic or on another
/// day. The clinic-day grain then answers a retry of that request with its first hold. A fixed set of shards, rather
/// than a grain per key, so that a hold does not wake a grain of its own.
/// </summary>
[Alias("booking.HoldKeyShard")]
public interface IHoldKeyShardGrain : IGrainWithStringKey
{
    /// <summary>True when <paramref name="key"/> is new or was first sent with this same <paramref name="request"/> (its
    /// clinic, service, time and group size, as text); false when it was first sent with another.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string key, string request);
}

/// <summary>Which shard keeps a hold Idempotency-Key: the same on every host, whatever its process.</summary>
public static class HoldKeyShard
{
    /// <summary>Enough to spread the keys over every silo of a large cluster; each shard serves a few calls a second
    /// at the platform's peak.</summary>
    public const int Count = 256;

    /// <summary>The shard's grain key: FNV-1a of the key's characters (string.GetHashCode differs between processes).</summary>
    public static string Of(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
            hash = (hash ^ c) * 16777619u;
        return (hash % Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
