using Booking.Grains;
using Booking.Grains.Inventory;

namespace Booking.ClusterClient.Bookings;

/// <summary>
/// A hold's idempotency key is platform-wide, whoever holds (a citizen's Idempotency-Key, an agent's form): the key is
/// bound to the first request sent with it, so it cannot take a second hold at another clinic or on another day. The
/// clinic-day grain then answers a retry of that request with its first hold.
/// </summary>
public sealed class HoldKeys(GrainReferences grains)
{
    /// <summary>False when <paramref name="key"/> was first sent with another request; no key, no rule.</summary>
    /// <param name="group">How many people a group hold is for; null for one person.</param>
    public async Task<bool> FitsAsync(string? key, Guid locationId, string serviceCode, DateTimeOffset start, int? group = null)
    {
        if (key is null)
            return true;
        var request = $"{locationId:N}|{serviceCode}|{start.UtcTicks}";
        return await grains.Get<IHoldKeyShardGrain>(HoldKeyShard.Of(key)).Claim(key, group is { } people ? $"group|{people}|{request}" : request);
    }
}
