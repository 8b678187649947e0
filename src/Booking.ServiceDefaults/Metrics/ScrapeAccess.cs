using System.Net;
using Microsoft.AspNetCore.Http;

namespace Booking.ServiceDefaults.Metrics;

/// <summary>
/// Who may read <c>/metrics</c>: a scraper on this machine (loopback) or in a network named in
/// <c>Metrics:ScrapeNetworks</c> (CIDR, e.g. the monitoring subnet), reaching the host directly. A request that came
/// through a proxy (the load balancer in front of the citizen site) is refused whatever address it claims, so the
/// endpoint is never public. Anyone else gets the site's ordinary 404.
/// </summary>
public sealed class ScrapeAccess
{
    public const string Section = "Metrics";

    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded"];

    /// <summary>Networks whose hosts may scrape, besides loopback.</summary>
    public List<string> ScrapeNetworks { get; set; } = [];

    private IReadOnlyList<IPNetwork>? _networks;

    internal bool IsValid => ScrapeNetworks.All(n => IPNetwork.TryParse(n, out _));

    public bool Allows(HttpContext context)
    {
        var networks = _networks ??= ScrapeNetworks.Select(IPNetwork.Parse).ToList();
        if (ProxyHeaders.Any(context.Request.Headers.ContainsKey) || context.Connection.RemoteIpAddress is not { } remote)
            return false;
        if (remote.IsIPv4MappedToIPv6)
            remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote) || networks.Any(n => n.Contains(remote));
    }
}
