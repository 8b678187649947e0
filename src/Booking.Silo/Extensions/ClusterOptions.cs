using System.ComponentModel.DataAnnotations;
using Booking.Grains;

namespace Booking.Silo.Extensions;

/// <summary>Where this silo listens and which cluster it joins. Bound from the <c>Orleans</c> section.</summary>
public sealed class SiloEndpointOptions
{
    [Required] public string ClusterId { get; set; } = ClusterIdentity.DefaultClusterId;
    [Required] public string ServiceId { get; set; } = ClusterIdentity.DefaultServiceId;
    /// <summary>The address other silos and clients reach this one at (loopback for a single machine).</summary>
    [Required] public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;
}
