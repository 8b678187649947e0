using Booking.Grains.Inventory;
using Microsoft.Extensions.Options;

namespace Booking.Silo.Inventory;

/// <summary>Remembers which request each hold Idempotency-Key of its shard was first sent with, for as long as a hold
/// made with it can live: in memory, like the holds themselves (a silo restart forgets both).</summary>
[GrainType("holdkeyshard")]
public sealed class HoldKeyShardGrain(IOptions<InventoryOptions> options, TimeProvider clock) : Grain, IHoldKeyShardGrain
{
    private readonly Dictionary<string, (string Request, DateTimeOffset Until)> _claims = new(StringComparer.Ordinal);
    // Claims in the order they were made, which is the order they lapse in (each lasts as long as a hold). A clock
    // moved back can put one out of order: it is then forgotten late, never early, and a lapsed claim is never obeyed.
    private readonly Queue<(string Key, DateTimeOffset Until)> _lapsing = new();

    public Task<bool> Claim(string key, string request)
    {
        var now = clock.GetUtcNow();
        ForgetLapsed(now);
        if (_claims.TryGetValue(key, out var claim) && claim.Until > now)
            return Task.FromResult(claim.Request == request);
        var until = now + options.Value.HoldDuration;
        _claims[key] = (request, until);
        _lapsing.Enqueue((key, until));
        DelayDeactivation(options.Value.HoldDuration);
        return Task.FromResult(true);
    }

    private void ForgetLapsed(DateTimeOffset now)
    {
        while (_lapsing.TryPeek(out var oldest) && oldest.Until <= now)
        {
            _lapsing.Dequeue();
            // The key may have been claimed again since; only its lapsed claim goes.
            if (_claims.TryGetValue(oldest.Key, out var claim) && claim.Until <= now)
                _claims.Remove(oldest.Key);
        }
    }
}
