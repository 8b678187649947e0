namespace Booking.Identity.Server;

/// <summary>The identity server (section <c>Identity</c>).</summary>
public sealed class IdentityServerOptions
{
    public const string Section = "Identity";

    /// <summary>How long an access token lives: short, so that a revoked client's last token dies soon even where the
    /// revocation is not checked (the platform's own API checks it on every request).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False only on loopback (development, tests): production serves the endpoints over TLS only.</summary>
    public bool RequireHttps { get; set; } = true;
}
