namespace Booking.Grains.Inventory;

/// <summary>
/// One hold Idempotency-Key (key: the key itself), platform-wide: it binds the key to the first request sent with it, so
/// the same key cannot take a second hold at another clinic or on another day. The clinic-day grain then answers a
/// retry of that request with its first hold.
/// </summary>
[Alias("booking.HoldKey")]
public interface IHoldKeyGrain : IGrainWithStringKey
{
    /// <summary>True when the key is new or was first sent with this same <paramref name="request"/> (its clinic, service,
    /// time and group size, as text); false when it was first sent with another.</summary>
    [Alias("Claim")]
    Task<bool> Claim(string request);
}
