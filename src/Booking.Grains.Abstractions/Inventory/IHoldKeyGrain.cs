namespace Booking.Grains.Inventory;

/// <summary>
/// One hold Idempotency-Key (key: the key itself), as the hosts of the release before <see cref="IHoldKeyShardGrain"/>
/// claim it: silos keep answering them while a rolling deploy replaces them. Nothing of this release calls it; it goes
/// in the release after.
/// </summary>
[Alias("booking.HoldKey")]
public interface IHoldKeyGrain : IGrainWithStringKey
{
    /// <summary>True when the key is new or was first sent with this same <paramref name="request"/> (its clinic, service,
    /// time and group size, as text); false when it was first sent with another.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string request);
}
