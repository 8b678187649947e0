using Booking.Grains.Inventory;
using Microsoft.Extensions.Options;

namespace Booking.Silo.Inventory;

/// <summary>Remembers which request a hold Idempotency-Key was first sent with, for the hosts of the release before
/// <see cref="HoldKeyShardGrain"/> during a rolling deploy (see <see cref="IHoldKeyGrain"/>).</summary>
[GrainType("holdkey")]
public sealed class HoldKeyGrain(IOptions<InventoryOptions> options, TimeProvider clock) : Grain, IHoldKeyGrain
{
    private string? _request;
    private DateTimeOffset _until;

    public Task<bool> Claim(string request)
    {
        var now = clock.GetUtcNow();
        if (_request is not null && _until > now)
            return Task.FromResult(_request == request);
        _request = request;
        _until = now + options.Value.HoldDuration;
        DelayDeactivation(options.Value.HoldDuration);
        return Task.FromResult(true);
    }
}
