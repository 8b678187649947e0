using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Booking.Web.Infrastructure;

/// <summary>
/// Per-client limits on the public API (<c>RateLimiting:*</c>), so that hammering gives a bot no advantage over a
/// person. A client is its IP address; <c>X-Forwarded-For</c> is believed only from <see cref="KnownProxies"/> and
/// <see cref="KnownNetworks"/> (none by default: the connection's address).
/// </summary>
public sealed class RateLimitingOptions : IValidatableObject
{
    public const string Section = "RateLimiting";

    /// <summary>Off when measuring capacity from one machine (the load harness is one client).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests a client may make per <see cref="Window"/>.</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Addresses of the reverse proxies / load balancers whose X-Forwarded-For is trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.1.0.0/16</c>) of such proxies, when they have no fixed address.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Window <= TimeSpan.Zero || Window > TimeSpan.FromHours(1))
            yield return new ValidationResult("RateLimiting:Window must be between 00:00:00.001 and 01:00:00.", [nameof(Window)]);
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"RateLimiting:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"RateLimiting:KnownNetworks: '{network}' is not a network in CIDR notation.", [nameof(KnownNetworks)]);
    }
}
